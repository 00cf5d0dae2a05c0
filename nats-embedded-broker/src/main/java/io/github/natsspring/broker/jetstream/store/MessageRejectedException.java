package io.github.natsspring.broker.jetstream.store;

/**
 * A store refused a message under its limits; nothing was stored. The API layer turns the {@link Reason} into
 * nats-server's error code and description.
 */
public final class MessageRejectedException extends Exception {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	/**
	 * A refusal.
	 * @param reason why the message was refused
	 */
	public MessageRejectedException(Reason reason) {
		super(reason.description(), null, false, false);
		this.reason = reason;
	}

	/**
	 * Why the message was refused.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a store refuses a message, with nats-server's wording.
	 */
	public enum Reason {

		/** {@code max_msg_size} exceeded (nats-server: err_code 10054). */
		MESSAGE_TOO_LARGE("message size exceeds maximum allowed"),

		/** Discard new and {@code max_msgs} reached (nats-server: 503, err_code 10077). */
		MAXIMUM_MESSAGES("maximum messages exceeded"),

		/** Discard new and {@code max_bytes} reached (nats-server: 503, err_code 10077). */
		MAXIMUM_BYTES("maximum bytes exceeded"),

		/** Discard new per subject and {@code max_msgs_per_subject} reached (nats-server: 503, err_code 10077). */
		MAXIMUM_MESSAGES_PER_SUBJECT("maximum messages per subject exceeded");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		/**
		 * nats-server's description of the refusal.
		 * @return the text of the error
		 */
		public String description() {
			return this.description;
		}
	}
}
