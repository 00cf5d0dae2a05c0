package io.github.natsspring.broker.auth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The challenges sent in INFO for nkey users to sign: 11 random bytes as base64url without padding, 15 characters,
 * as nats-server makes them.
 */
public final class Nonces {

	private static final int RAW_LENGTH = 11;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Nonces() {
	}

	/**
	 * A fresh nonce.
	 * @return 15 base64url characters
	 */
	public static String generate() {
		byte[] raw = new byte[RAW_LENGTH];
		RANDOM.nextBytes(raw);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
	}
}
