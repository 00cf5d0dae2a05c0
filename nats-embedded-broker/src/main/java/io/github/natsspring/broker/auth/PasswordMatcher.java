package io.github.natsspring.broker.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Compares a configured secret with the one a client sent, in constant time. */
final class PasswordMatcher {

	private PasswordMatcher() {
	}

	static boolean matches(String configured, String presented) {
		if (presented == null) {
			return false;
		}
		return MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8),
				presented.getBytes(StandardCharsets.UTF_8));
	}
}
