package io.github.natsspring.broker;

import java.util.Objects;

/**
 * A user allowed to connect with a user name and password.
 *
 * @param username the name the client sends as {@code user} in CONNECT
 * @param password the password, in plain text
 */
public record BrokerUser(String username, String password) {

	public BrokerUser {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		if (username.isEmpty()) {
			throw new IllegalArgumentException("username must not be empty");
		}
	}

	@Override
	public String toString() {
		return "BrokerUser[username=" + username + ", password=<redacted>]";
	}
}
