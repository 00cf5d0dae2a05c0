package io.github.natsspring.listener;

import io.nats.client.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The default {@link NatsListenerErrorHandler}: logs the failure at ERROR with the listener id and subject.
 */
public class LoggingNatsListenerErrorHandler implements NatsListenerErrorHandler {

	private static final Log logger = LogFactory.getLog(LoggingNatsListenerErrorHandler.class);

	@Override
	public void handleError(String listenerId, Message message, Throwable error) {
		logger.error("NATS listener '" + listenerId + "' failed on a message to '" + message.getSubject() + "'",
				error);
	}
}
