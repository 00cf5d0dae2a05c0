package io.github.natsspring.broker.connection;

import java.nio.charset.StandardCharsets;

import io.github.natsspring.broker.protocol.ServerFrames;
import io.github.natsspring.broker.routing.PublishedMessage;
import io.github.natsspring.broker.routing.Subscriber;
import io.github.natsspring.broker.routing.SubscriberKind;
import io.github.natsspring.broker.routing.Subscription;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The delivery target of one client: writes each message routed to one of its subscriptions as MSG or HMSG
 * into its outbound queue, on the publisher's thread, and ends a subscription that reached its UNSUB limit.
 */
final class ClientDelivery implements Subscriber {

	/** The header-only status message nats-server answers a request with when nobody subscribes. */
	private static final ByteBuf NO_RESPONDERS_STATUS = Unpooled.unreleasableBuffer(
			Unpooled.wrappedBuffer("NATS/1.0 503\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).asReadOnly());

	private final ClientConnection client;

	ClientDelivery(ClientConnection client) {
		this.client = client;
	}

	@Override
	public SubscriberKind kind() {
		return SubscriberKind.CLIENT;
	}

	/**
	 * Queues one message. A message dropped because it took the client over max pending still counts as
	 * delivered, as in nats-server: the client is being cut off, and the message is lost with it.
	 */
	@Override
	public boolean deliver(Subscription subscription, PublishedMessage message) {
		ClientPermissions permissions = this.client.session().permissions();
		if (permissions != null && permissions.deniesDelivery(message.subject())) {
			return false;
		}
		OutboundQueue outbound = this.client.outbound();
		ByteBuf out = outbound.beginAppend();
		if (out == null) {
			return false;
		}
		boolean reachedMax;
		try {
			if (subscription.isExhausted()) {
				outbound.abortAppend();
				return false;
			}
			ByteBuf content = message.content();
			int size = writeFrame(out, subscription, message, content);
			this.client.statistics().messageOut(size);
			reachedMax = subscription.countDelivery();
		}
		catch (RuntimeException ex) {
			outbound.abortAppend();
			throw ex;
		}
		outbound.endAppend();
		if (permissions != null) {
			permissions.delivered(message.replyTo());
		}
		if (reachedMax) {
			this.client.unsubscribe(subscription);
		}
		return true;
	}

	private int writeFrame(ByteBuf out, Subscription subscription, PublishedMessage message, ByteBuf content) {
		if (!message.hasHeaders()) {
			ServerFrames.writeMsg(out, message.subjectBytes(), subscription.sidBytes(), message.replyToBytes(), content,
					message.sizeDigits());
			return content.readableBytes();
		}
		if (this.client.session().options().headers()) {
			ServerFrames.writeHmsg(out, message.subjectBytes(), subscription.sidBytes(), message.replyToBytes(),
					message.headerSize(), message.headerSizeDigits(), content, message.sizeDigits());
			return content.readableBytes();
		}
		ByteBuf payload = content.slice(content.readerIndex() + message.headerSize(),
				content.readableBytes() - message.headerSize());
		ServerFrames.writeMsg(out, message.subjectBytes(), subscription.sidBytes(), message.replyToBytes(), payload);
		return payload.readableBytes();
	}

	/** Sends the no-responders status (503) on the client's subscription matching the request's reply. */
	void deliverNoResponders(Subscription subscription, byte[] replyTo) {
		OutboundQueue outbound = this.client.outbound();
		ByteBuf out = outbound.beginAppend();
		if (out == null) {
			return;
		}
		try {
			ServerFrames.writeHmsg(out, replyTo, subscription.sidBytes(), null, NO_RESPONDERS_STATUS.readableBytes(),
					NO_RESPONDERS_STATUS);
		}
		catch (RuntimeException ex) {
			outbound.abortAppend();
			throw ex;
		}
		outbound.endAppend();
	}
}
