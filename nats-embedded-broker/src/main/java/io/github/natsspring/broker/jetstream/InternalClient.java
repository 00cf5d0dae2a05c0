package io.github.natsspring.broker.jetstream;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.github.natsspring.broker.account.Account;
import io.github.natsspring.broker.routing.MessageOrigin;
import io.github.natsspring.broker.routing.PublishedMessage;
import io.github.natsspring.broker.routing.Subscriber;
import io.github.natsspring.broker.routing.SubscriberKind;
import io.github.natsspring.broker.routing.Subscription;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * JetStream's client inside the broker, bound to one account ({@code $G}): it subscribes like a client and
 * publishes like one, without a connection. Its subscriptions and messages are of kind
 * {@link SubscriberKind#INTERNAL}; it receives what it publishes itself when it subscribes to it (a stream
 * capturing a consumer's deliver subject stores what the consumer delivers, as in nats-server).
 * <p>
 * Thread-safe. {@link #publish} may be called from any thread; a publish made outside a client's read batch
 * (from a stream's executor, a timer) is flushed to the receiving connections at once. Handlers run on the
 * publisher's thread (see {@link InternalHandler}).
 */
public final class InternalClient implements MessageOrigin {

	private final Account account;

	private final AtomicLong sids = new AtomicLong();

	/**
	 * A client publishing and subscribing in an account.
	 * @param account the account, {@code $G}
	 */
	public InternalClient(Account account) {
		this.account = Objects.requireNonNull(account, "account");
	}

	/**
	 * The account the client lives in.
	 * @return the account
	 */
	public Account account() {
		return this.account;
	}

	/**
	 * Subscribes to a subject.
	 * @param subject the subject, possibly with wildcards
	 * @param handler what takes the messages, on the publisher's thread
	 * @return the subscription, to {@link #unsubscribe} later
	 */
	public Subscription subscribe(String subject, InternalHandler handler) {
		Subscription subscription = new Subscription(new HandlerSubscriber(handler), subject, null,
				"js" + this.sids.incrementAndGet());
		this.account.router().subscribe(subscription);
		return subscription;
	}

	/**
	 * Ends a subscription; messages being routed at that moment may still reach its handler.
	 * @param subscription a subscription this client made
	 */
	public void unsubscribe(Subscription subscription) {
		this.account.router().unsubscribe(subscription);
	}

	/**
	 * Publishes a message to every matching subscription of the account, clients, routes and this client's own.
	 * @param subject the subject
	 * @param replyTo the reply subject, or {@code null}
	 * @param headers a header block ({@code NATS/1.0…\r\n\r\n}), or {@code null} for a message without headers
	 * @param payload the payload, possibly empty
	 * @return how many subscribers took it
	 */
	public int publish(String subject, String replyTo, byte[] headers, byte[] payload) {
		ByteBuf content = (headers != null) ? Unpooled.wrappedBuffer(headers, payload) : Unpooled.wrappedBuffer(payload);
		PublishedMessage message = new PublishedMessage();
		message.fill(subject, replyTo, (headers != null) ? headers.length : -1, 0, 0, content);
		return this.account.router().route(this, message);
	}

	/**
	 * Publishes a consumer's delivery: routed to the subscriptions of {@code deliverTo} and shown to them with
	 * the subject the message was stored under.
	 * @param deliverTo the deliver subject or pull request inbox
	 * @param subject the message's own subject
	 * @param replyTo the reply subject (the ack subject), or {@code null}
	 * @param headers a header block, or {@code null} for a message without headers
	 * @param payload the payload, possibly empty
	 * @return how many subscribers took it
	 */
	public int publishDelivery(String deliverTo, String subject, String replyTo, byte[] headers, byte[] payload) {
		ByteBuf content = (headers != null) ? Unpooled.wrappedBuffer(headers, payload) : Unpooled.wrappedBuffer(payload);
		PublishedMessage message = new PublishedMessage();
		message.fillDelivery(deliverTo, subject, replyTo, (headers != null) ? headers.length : -1, content);
		return this.account.router().route(this, message);
	}

	@Override
	public SubscriberKind kind() {
		return SubscriberKind.INTERNAL;
	}

	@Override
	public Subscriber self() {
		return null;
	}

	@Override
	public boolean echo() {
		return true;
	}

	@Override
	public boolean wantsNoResponders() {
		return false;
	}

	@Override
	public void answerNoResponders(Subscription replySubscription, PublishedMessage request) {
		throw new UnsupportedOperationException("the internal client does not ask for no-responders answers");
	}

	@Override
	public String toString() {
		return "InternalClient[" + this.account.name() + "]";
	}

	/** One subscription's target: copies each message and hands it to the handler. */
	private static final class HandlerSubscriber implements Subscriber {

		private final InternalHandler handler;

		HandlerSubscriber(InternalHandler handler) {
			this.handler = Objects.requireNonNull(handler, "handler");
		}

		@Override
		public SubscriberKind kind() {
			return SubscriberKind.INTERNAL;
		}

		@Override
		public boolean deliver(Subscription subscription, PublishedMessage message) {
			ByteBuf content = message.content();
			int start = content.readerIndex();
			int total = content.readableBytes();
			byte[] headers = null;
			int headerSize = 0;
			if (message.hasHeaders()) {
				headerSize = message.headerSize();
				headers = ByteBufUtil.getBytes(content, start, headerSize);
			}
			byte[] payload = ByteBufUtil.getBytes(content, start + headerSize, total - headerSize);
			this.handler.onMessage(new InternalMessage(message.subject(), message.replyTo(), headers, payload));
			return true;
		}

		@Override
		public String toString() {
			return "InternalSubscriber[" + this.handler + "]";
		}
	}
}
