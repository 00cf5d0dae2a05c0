package io.github.natsspring.broker;

import java.time.Duration;
import java.util.Objects;

/**
 * nats-server's {@code allow_responses}: a user may publish to the reply subject of a request delivered to it,
 * whatever its publish permission, at most a number of times and for a limited time after the request.
 *
 * @param maxMessages how many replies each request allows
 * @param expires how long after the request the replies are allowed
 */
public record ResponsePermission(int maxMessages, Duration expires) {

	/** nats-server's defaults for {@code allow_responses: true}: one reply within two minutes. */
	private static final ResponsePermission DEFAULT = new ResponsePermission(1, Duration.ofMinutes(2));

	/**
	 * Checks the values are positive.
	 */
	public ResponsePermission {
		Objects.requireNonNull(expires, "expires");
		if (maxMessages <= 0) {
			throw new IllegalArgumentException("maxMessages must be positive, was " + maxMessages);
		}
		if (expires.isNegative() || expires.isZero()) {
			throw new IllegalArgumentException("expires must be positive, was " + expires);
		}
	}

	/**
	 * nats-server's {@code allow_responses: true}.
	 * @return one reply per request within two minutes
	 */
	public static ResponsePermission defaults() {
		return DEFAULT;
	}
}
