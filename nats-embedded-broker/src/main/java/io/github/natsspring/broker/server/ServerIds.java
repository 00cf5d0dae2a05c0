package io.github.natsspring.broker.server;

import java.security.SecureRandom;

/**
 * Generates server ids shaped like nats-server's: 56 characters of base32 starting with {@code N}, the form
 * of an NKey server public key, so tools that parse or display ids see what they expect.
 */
final class ServerIds {

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private ServerIds() {
	}

	static String generate() {
		char[] id = new char[56];
		id[0] = 'N';
		for (int i = 1; i < id.length; i++) {
			id[i] = BASE32[RANDOM.nextInt(BASE32.length)];
		}
		return new String(id);
	}
}
