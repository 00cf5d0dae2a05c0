package io.github.natsspring.jetstream.listener;

import java.util.Objects;

import io.github.natsspring.jetstream.JetStreamAdmin;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Finishes the JetStream start that waited for the connection: when the connection connects or reconnects, runs
 * the declarations of the {@link JetStreamAdmin} that were skipped at start, then starts the listener containers
 * that waited. Failures are logged, as the application is already running; declarations that failed wait for the
 * next reconnect.
 */
public class DeferredJetStreamStart implements ConnectionListener, InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(DeferredJetStreamStart.class);

	private final Connection connection;

	private final JetStreamAdmin admin;

	private final JetStreamListenerEndpointRegistry registry;

	/**
	 * Creates the deferred start; it listens to the connection once initialized.
	 * @param connection the connection
	 * @param admin the admin whose declarations may wait
	 * @param registry the registry whose containers may wait
	 */
	public DeferredJetStreamStart(Connection connection, JetStreamAdmin admin,
			JetStreamListenerEndpointRegistry registry) {
		this.connection = Objects.requireNonNull(connection, "connection");
		this.admin = Objects.requireNonNull(admin, "admin");
		this.registry = Objects.requireNonNull(registry, "registry");
	}

	@Override
	public void afterPropertiesSet() {
		this.connection.addConnectionListener(this);
	}

	@Override
	public void connectionEvent(Connection connection, Events type) {
		if (type != Events.CONNECTED && type != Events.RECONNECTED) {
			return;
		}
		try {
			this.admin.declareIfWaiting();
		}
		catch (RuntimeException ex) {
			logger.error("JetStream declarations failed after the NATS connection connected", ex);
		}
		this.registry.startIfWaiting();
	}

	@Override
	public void destroy() {
		this.connection.removeConnectionListener(this);
	}
}
