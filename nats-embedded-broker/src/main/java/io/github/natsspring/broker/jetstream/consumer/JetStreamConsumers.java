package io.github.natsspring.broker.jetstream.consumer;

import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.broker.jetstream.ConsumerSupport;
import io.github.natsspring.broker.jetstream.InternalMessage;
import io.github.natsspring.broker.jetstream.JetStreamContext;
import io.github.natsspring.broker.jetstream.Stream;
import io.github.natsspring.broker.jetstream.StreamConsumers;
import io.github.natsspring.broker.routing.Subscription;

/**
 * JetStream's consumers, which the broker hands to the stream layer: registers the
 * {@code CONSUMER.*} API, takes acks on {@code $JS.ACK.>} and flow control replies on {@code $JS.FC.>} and hands
 * each to its stream's executor, and gives every stream its {@link StreamConsumerSet}.
 */
public final class JetStreamConsumers implements ConsumerSupport {

	private static final String FLOW_CONTROL_PREFIX = "$JS.FC.";

	private final List<Subscription> subscriptions = new ArrayList<>();

	private JetStreamContext jetStream;

	@Override
	public void start(JetStreamContext context) {
		this.jetStream = context;
		new ConsumerApi(context).registerWith(context.api());
		this.subscriptions.add(context.client().subscribe(AckSubject.PREFIX + ">", this::ackReceived));
		this.subscriptions.add(context.client().subscribe(FLOW_CONTROL_PREFIX + ">", this::flowControlReceived));
	}

	@Override
	public StreamConsumers attach(Stream stream) {
		StreamConsumerSet set = new StreamConsumerSet(stream, this.jetStream.client(), this.jetStream.scheduler());
		set.recover();
		return set;
	}

	@Override
	public void stop() {
		for (Subscription subscription : this.subscriptions) {
			this.jetStream.client().unsubscribe(subscription);
		}
		this.subscriptions.clear();
	}

	private void ackReceived(InternalMessage message) {
		AckSubject subject = AckSubject.parse(message.subject());
		if (subject == null) {
			return;
		}
		StreamConsumerSet set = set(subject.stream());
		if (set == null) {
			return;
		}
		AckRequest ack = AckRequest.parse(message.payload());
		set.stream().executor().execute(() -> {
			StreamConsumer consumer = set.consumer(subject.consumer());
			if (consumer != null) {
				consumer.ackReceived(subject, ack, message.replyTo());
			}
		});
	}

	private void flowControlReceived(InternalMessage message) {
		String[] tokens = message.subject().split("\\.");
		if (tokens.length != 5) {
			return;
		}
		StreamConsumerSet set = set(tokens[2]);
		if (set == null) {
			return;
		}
		set.stream().executor().execute(() -> {
			StreamConsumer consumer = set.consumer(tokens[3]);
			if (consumer != null) {
				consumer.flowControlReply(message.subject());
			}
		});
	}

	private StreamConsumerSet set(String streamName) {
		Stream stream = this.jetStream.stream(streamName);
		return (stream != null && stream.consumers() instanceof StreamConsumerSet set) ? set : null;
	}
}
