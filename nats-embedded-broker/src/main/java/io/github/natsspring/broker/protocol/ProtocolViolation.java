package io.github.natsspring.broker.protocol;

/**
 * A client broke the NATS client protocol in a way nats-server answers by closing the connection,
 * with or without an {@code -ERR} first.
 *
 * <p>The decoder raises {@link Kind#UNKNOWN_OPERATION}, {@link Kind#MAX_CONTROL_LINE},
 * {@link Kind#MAX_PAYLOAD} and {@link Kind#SILENT_CLOSE}; the connection raises the CONNECT checks
 * ({@link Kind#INVALID_CLIENT_PROTOCOL}, {@link Kind#NO_RESPONDERS_REQUIRES_HEADERS}) through
 * {@link ConnectOptions#validate()}, because nats-server runs them only after authentication.
 */
public final class ProtocolViolation extends Exception {

	private static final long serialVersionUID = 1L;

	/** What went wrong, with the {@code -ERR} text nats-server 2.9.10 sends for it. */
	public enum Kind {

		/** A byte that no operation can start or continue with. */
		UNKNOWN_OPERATION("Unknown Protocol Operation"),

		/** An argument line longer than the configured maximum control line. */
		MAX_CONTROL_LINE("maximum control line exceeded"),

		/** A PUB or HPUB announcing more bytes than the maximum payload. */
		MAX_PAYLOAD("Maximum Payload Violation"),

		/** CONNECT asked for a protocol version other than 0 or 1. */
		INVALID_CLIENT_PROTOCOL("invalid client protocol"),

		/** CONNECT asked for no_responders without headers. */
		NO_RESPONDERS_REQUIRES_HEADERS("no responders requires headers support"),

		/** Credentials refused, or a CONNECT asking for an account (raised by the connection). */
		AUTHORIZATION_VIOLATION("Authorization Violation"),

		/** Malformed arguments (PUB/HPUB/SUB/UNSUB, CONNECT or INFO JSON): closed without any -ERR. */
		SILENT_CLOSE(null);

		private final String errText;

		Kind(String errText) {
			this.errText = errText;
		}

		/**
		 * The text nats-server puts between the quotes of {@code -ERR '...'}.
		 * @return the text, or {@code null} when nothing is sent before closing
		 */
		public String errText() {
			return this.errText;
		}
	}

	private final Kind kind;

	/**
	 * Creates a violation of the given kind.
	 * @param kind what went wrong
	 * @param detail what the log should say about it
	 */
	public ProtocolViolation(Kind kind, String detail) {
		super(detail, null, false, false);
		this.kind = kind;
	}

	/**
	 * What went wrong.
	 * @return the kind of violation
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The {@code -ERR} text to send before closing.
	 * @return the text, or {@code null} for a silent close
	 */
	public String errText() {
		return this.kind.errText();
	}

	/**
	 * Whether nats-server closes the connection after this violation; true for every kind raised here.
	 * @return {@code true}
	 */
	public boolean closesConnection() {
		return true;
	}
}
