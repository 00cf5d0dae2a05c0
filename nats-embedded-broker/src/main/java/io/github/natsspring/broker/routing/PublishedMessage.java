package io.github.natsspring.broker.routing;

import io.github.natsspring.broker.protocol.WireText;
import io.github.natsspring.broker.subject.SubjectMatch;
import io.github.natsspring.broker.subject.SubjectTrie;
import io.netty.buffer.ByteBuf;

/**
 * The message being routed. A publisher keeps one and refills it for each message, so routing allocates
 * nothing per message beyond what a new subject needs; it is valid only while routed, and a subscriber that
 * keeps a message must copy it. The encoded subject is kept while a publisher keeps publishing to the same
 * subject (the decoder then hands over the same String), and so is the subject's match, for as long as the
 * subscriptions do not change: the per-publisher result cache nats-server keeps too.
 */
public final class PublishedMessage {

	private String subject;

	private byte[] subjectBytes;

	/** Whether {@link #subjectBytes} show another subject than the one routed by (a JetStream delivery). */
	private boolean shownSubject;

	private String replyTo;

	private byte[] replyToBytes;

	private int headerSize;

	private int headerSizeDigits;

	private int sizeDigits;

	private ByteBuf content;

	private SubjectTrie<Subscription> matchedIn;

	private long matchGeneration;

	private SubjectMatch<Subscription> match;

	/**
	 * Sets the next message to route.
	 * @param subject the subject published to
	 * @param replyTo the reply subject, or {@code null}
	 * @param headerSize size of the header block at the start of {@code content}, or -1 for no headers
	 * @param headerSizeDigits digits the publisher wrote for the header size (sizes are echoed as written)
	 * @param sizeDigits digits the publisher wrote for the total size
	 * @param content headers then payload, read from its reader index and left unchanged
	 */
	public void fill(String subject, String replyTo, int headerSize, int headerSizeDigits, int sizeDigits,
			ByteBuf content) {
		if (subject != this.subject || this.shownSubject) {
			this.subject = subject;
			this.subjectBytes = WireText.bytes(subject);
			this.shownSubject = false;
			this.match = null;
		}
		if (replyTo == null) {
			this.replyTo = null;
			this.replyToBytes = null;
		}
		else if (replyTo != this.replyTo) {
			this.replyTo = replyTo;
			this.replyToBytes = WireText.bytes(replyTo);
		}
		this.headerSize = headerSize;
		this.headerSizeDigits = headerSizeDigits;
		this.sizeDigits = sizeDigits;
		this.content = content;
	}

	/**
	 * Sets the next message to route as a JetStream delivery: routed by the subject it is delivered to (a deliver
	 * subject, a pull request's inbox) and shown to subscribers with the subject it was stored under, as
	 * nats-server shows a consumer's messages.
	 * @param deliverTo the subject to route by
	 * @param shownSubject the subject written in {@code MSG}/{@code HMSG}
	 * @param replyTo the reply subject, or {@code null}
	 * @param headerSize size of the header block at the start of {@code content}, or -1 for no headers
	 * @param content headers then payload, read from its reader index and left unchanged
	 */
	public void fillDelivery(String deliverTo, String shownSubject, String replyTo, int headerSize, ByteBuf content) {
		fill(deliverTo, replyTo, headerSize, 0, 0, content);
		if (!shownSubject.equals(deliverTo)) {
			this.subjectBytes = WireText.bytes(shownSubject);
			this.shownSubject = true;
		}
	}

	/**
	 * The subscriptions the subject matches, from the last match while the trie has not changed since.
	 * @param trie the subscriptions of the account the message is routed in
	 * @return the match
	 */
	SubjectMatch<Subscription> matchIn(SubjectTrie<Subscription> trie) {
		// the generation is read before matching: a change during the match makes the next call match again
		long generation = trie.generation();
		if (this.match == null || this.matchedIn != trie || this.matchGeneration != generation) {
			this.match = trie.match(this.subject);
			this.matchedIn = trie;
			this.matchGeneration = generation;
		}
		return this.match;
	}

	/**
	 * Drops the reference to the content once routed.
	 */
	public void clearContent() {
		this.content = null;
	}

	/**
	 * The subject.
	 * @return the subject published to
	 */
	public String subject() {
		return this.subject;
	}

	/**
	 * The subject as written on the wire.
	 * @return its bytes; not to be modified
	 */
	public byte[] subjectBytes() {
		return this.subjectBytes;
	}

	/**
	 * The reply subject.
	 * @return the reply subject, or {@code null}
	 */
	public String replyTo() {
		return this.replyTo;
	}

	/**
	 * The reply subject as written on the wire.
	 * @return its bytes, or {@code null}; not to be modified
	 */
	public byte[] replyToBytes() {
		return this.replyToBytes;
	}

	/**
	 * Whether the message has a header block.
	 * @return {@code true} for a message published with a non-empty header block
	 */
	public boolean hasHeaders() {
		return this.headerSize >= 0;
	}

	/**
	 * The size of the header block at the start of {@link #content()}.
	 * @return the header size, or -1 for a message without headers
	 */
	public int headerSize() {
		return this.headerSize;
	}

	/**
	 * Digits the publisher wrote for the header size.
	 * @return the least number of digits to write it with
	 */
	public int headerSizeDigits() {
		return this.headerSizeDigits;
	}

	/**
	 * Digits the publisher wrote for the total size.
	 * @return the least number of digits to write it with
	 */
	public int sizeDigits() {
		return this.sizeDigits;
	}

	/**
	 * Headers then payload.
	 * @return the content, from its reader index; not to be read destructively
	 */
	public ByteBuf content() {
		return this.content;
	}
}
