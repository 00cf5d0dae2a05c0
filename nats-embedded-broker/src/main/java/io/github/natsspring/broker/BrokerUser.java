package io.github.natsspring.broker;

import java.util.Objects;

/**
 * A user allowed to connect with a user name and password.
 *
 * @param username the name the client sends as {@code user} in CONNECT
 * @param password the password, in plain text
 * @param permissions what the user may do, or {@code null} for the default permissions of {@link BrokerAuth}
 */
public record BrokerUser(String username, String password, BrokerPermissions permissions) {

	/**
	 * Checks the name and password are given.
	 */
	public BrokerUser {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		if (username.isEmpty()) {
			throw new IllegalArgumentException("username must not be empty");
		}
	}

	/**
	 * A user with the default permissions.
	 * @param username the user name
	 * @param password the password
	 */
	public BrokerUser(String username, String password) {
		this(username, password, null);
	}

	/**
	 * The same user with its own permissions.
	 * @param permissions what the user may do
	 * @return the user
	 */
	public BrokerUser withPermissions(BrokerPermissions permissions) {
		return new BrokerUser(this.username, this.password, Objects.requireNonNull(permissions, "permissions"));
	}

	@Override
	public String toString() {
		return "BrokerUser[username=" + this.username + ", password=<redacted>, permissions=" + this.permissions + "]";
	}
}
