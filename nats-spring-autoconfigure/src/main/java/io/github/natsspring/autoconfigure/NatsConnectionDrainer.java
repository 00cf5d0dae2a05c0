package io.github.natsspring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nats.client.Connection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Drains the connection when the context closes: subscriptions stop taking messages, those already received
 * are handled and buffered publishes are flushed before the connection closes. Depends on the connection, so
 * it runs before the connection (and the embedded broker behind it) is destroyed, and after listeners have
 * stopped.
 */
class NatsConnectionDrainer implements DisposableBean {

	private static final Log logger = LogFactory.getLog(NatsConnectionDrainer.class);

	private final Connection connection;

	private final Duration timeout;

	NatsConnectionDrainer(Connection connection, Duration timeout) {
		this.connection = connection;
		this.timeout = timeout;
	}

	@Override
	public void destroy() throws InterruptedException {
		if (this.connection.getStatus() != Connection.Status.CONNECTED) {
			this.connection.close();
			return;
		}
		try {
			this.connection.drain(this.timeout).get(this.timeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException | IllegalStateException ex) {
			logger.warn("NATS connection did not drain within " + this.timeout + "; closing it", ex);
		}
		finally {
			this.connection.close();
		}
	}
}
