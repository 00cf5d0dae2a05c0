package io.github.natsspring.broker.interop.cluster;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.nats.client.Message;
import io.nats.client.MessageHandler;

/** The messages one subscription was handed, in arrival order. */
final class Received implements MessageHandler {

	private final Queue<Message> messages = new ConcurrentLinkedQueue<>();

	@Override
	public void onMessage(Message message) {
		messages.add(message);
	}

	/** The messages so far. */
	List<Message> messages() {
		return List.copyOf(messages);
	}

	/** The payloads so far, as text. */
	List<String> texts() {
		return messages.stream().map(message -> new String(message.getData(), StandardCharsets.UTF_8)).toList();
	}

	/** How many messages arrived so far. */
	int count() {
		return messages.size();
	}
}
