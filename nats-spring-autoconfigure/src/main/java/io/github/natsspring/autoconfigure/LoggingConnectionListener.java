package io.github.natsspring.autoconfigure;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs the connection's state changes, so an outage and the recovery from it show in the application log.
 */
class LoggingConnectionListener implements ConnectionListener {

	private static final Log logger = LogFactory.getLog(LoggingConnectionListener.class);

	@Override
	public void connectionEvent(Connection connection, Events type) {
		connectionEvent(connection, type, null, "a NATS server");
	}

	@Override
	public void connectionEvent(Connection connection, Events type, Long time, String uriDetails) {
		switch (type) {
			case DISCONNECTED -> logger.warn("NATS disconnected from " + uriDetails + "; retrying");
			case RECONNECTED -> logger.info("NATS connection established: " + uriDetails);
			case CLOSED -> logger.debug("NATS connection closed");
			default -> logger.debug("NATS connection event " + type + ": " + uriDetails);
		}
	}
}
