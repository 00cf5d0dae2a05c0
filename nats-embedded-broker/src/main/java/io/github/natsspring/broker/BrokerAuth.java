package io.github.natsspring.broker;

import java.util.List;
import java.util.Objects;

/**
 * How clients authenticate. With neither a token nor users, no authentication is required.
 * A token and users are mutually exclusive, as in nats-server.
 *
 * @param token the token clients must send as {@code auth_token}, or {@code null}
 * @param users the users allowed to connect with user name and password; empty for none
 */
public record BrokerAuth(String token, List<BrokerUser> users) {

	private static final BrokerAuth NONE = new BrokerAuth(null, List.of());

	public BrokerAuth {
		users = List.copyOf(Objects.requireNonNull(users, "users"));
		if (token != null && token.isEmpty()) {
			throw new IllegalArgumentException("token must not be empty");
		}
		if (token != null && !users.isEmpty()) {
			throw new IllegalArgumentException("a token and users cannot both be configured");
		}
		long distinct = users.stream().map(BrokerUser::username).distinct().count();
		if (distinct != users.size()) {
			throw new IllegalArgumentException("duplicate user names in " + users);
		}
	}

	/** No authentication: any client may connect. */
	public static BrokerAuth none() {
		return NONE;
	}

	/** Clients must present this token. */
	public static BrokerAuth token(String token) {
		return new BrokerAuth(Objects.requireNonNull(token, "token"), List.of());
	}

	/** Clients must present one of these users' name and password. */
	public static BrokerAuth users(BrokerUser... users) {
		return new BrokerAuth(null, List.of(users));
	}

	/** Whether clients must authenticate. */
	public boolean isRequired() {
		return token != null || !users.isEmpty();
	}

	@Override
	public String toString() {
		return "BrokerAuth[token=" + (token == null ? "none" : "<redacted>") + ", users=" + users + "]";
	}
}
