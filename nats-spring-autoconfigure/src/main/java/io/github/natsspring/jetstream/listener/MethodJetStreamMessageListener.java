package io.github.natsspring.jetstream.listener;

import io.github.natsspring.listener.adapter.NatsInboundMessageMapper;
import io.nats.client.Message;

import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * A {@link JetStreamMessageListener} invoking a bean method, its arguments resolved as {@code @NatsListener}
 * methods' are. Its return value is ignored: the reply-to subject of a JetStream message is its ack subject.
 */
public class MethodJetStreamMessageListener implements JetStreamMessageListener {

	private final InvocableHandlerMethod handlerMethod;

	/**
	 * Creates a listener.
	 * @param handlerMethod the method to invoke
	 */
	public MethodJetStreamMessageListener(InvocableHandlerMethod handlerMethod) {
		this.handlerMethod = handlerMethod;
	}

	@Override
	public void onMessage(Message message) throws Exception {
		this.handlerMethod.invoke(NatsInboundMessageMapper.toMessage(message));
	}
}
