package io.github.natsspring.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How clients authenticate. With neither a token nor users, no authentication is required.
 * A token and users are mutually exclusive, as in nats-server.
 *
 * @param token the token clients must send as {@code auth_token}, or {@code null}
 * @param users the users allowed to connect with user name and password; empty for none
 * @param nkeyUsers the users allowed to connect with an nkey; empty for none
 * @param defaultPermissions the permissions of the users (and nkey users) that have none of their own, as
 * nats-server's {@code default_permissions} (which apply to users only, not to a token), or {@code null} for none
 */
public record BrokerAuth(String token, List<BrokerUser> users, List<BrokerNkeyUser> nkeyUsers,
		BrokerPermissions defaultPermissions) {

	private static final BrokerAuth NONE = new BrokerAuth(null, List.of(), List.of(), null);

	/**
	 * Checks that a token and users are not both given, user names are unique, and default permissions come with
	 * users.
	 */
	public BrokerAuth {
		users = List.copyOf(Objects.requireNonNull(users, "users"));
		nkeyUsers = List.copyOf(Objects.requireNonNull(nkeyUsers, "nkeyUsers"));
		if (token != null && token.isEmpty()) {
			throw new IllegalArgumentException("token must not be empty");
		}
		if (token != null && (!users.isEmpty() || !nkeyUsers.isEmpty())) {
			throw new IllegalArgumentException("a token and users cannot both be configured");
		}
		if (defaultPermissions != null && users.isEmpty() && nkeyUsers.isEmpty()) {
			throw new IllegalArgumentException("default permissions apply to users, and no users are configured");
		}
		long distinct = users.stream().map(BrokerUser::username).distinct().count();
		if (distinct != users.size()) {
			throw new IllegalArgumentException("duplicate user names in " + users);
		}
		if (nkeyUsers.stream().map(BrokerNkeyUser::publicKey).distinct().count() != nkeyUsers.size()) {
			throw new IllegalArgumentException("duplicate nkeys in " + nkeyUsers);
		}
	}

	/**
	 * No authentication: any client may connect.
	 * @return the settings
	 */
	public static BrokerAuth none() {
		return NONE;
	}

	/**
	 * Clients must present this token.
	 * @param token the token
	 * @return the settings
	 */
	public static BrokerAuth token(String token) {
		return new BrokerAuth(Objects.requireNonNull(token, "token"), List.of(), List.of(), null);
	}

	/**
	 * Clients must present one of these users' name and password.
	 * @param users the users
	 * @return the settings
	 */
	public static BrokerAuth users(BrokerUser... users) {
		return new BrokerAuth(null, List.of(users), List.of(), null);
	}

	/**
	 * Clients must present one of these nkeys and sign the nonce with it.
	 * @param nkeyUsers the nkey users
	 * @return the settings
	 */
	public static BrokerAuth nkeyUsers(BrokerNkeyUser... nkeyUsers) {
		return new BrokerAuth(null, List.of(), List.of(nkeyUsers), null);
	}

	/**
	 * The same users, and these nkey users besides, as one {@code users} array of nats-server holds both.
	 * @param nkeyUsers more users, authenticating with nkeys
	 * @return the settings
	 */
	public BrokerAuth withNkeyUsers(BrokerNkeyUser... nkeyUsers) {
		List<BrokerNkeyUser> all = new ArrayList<>(this.nkeyUsers);
		all.addAll(List.of(nkeyUsers));
		return new BrokerAuth(this.token, this.users, all, this.defaultPermissions);
	}

	/**
	 * The same users, those without permissions of their own getting these.
	 * @param permissions the default permissions
	 * @return the settings
	 */
	public BrokerAuth withDefaultPermissions(BrokerPermissions permissions) {
		return new BrokerAuth(this.token, this.users, this.nkeyUsers, Objects.requireNonNull(permissions, "permissions"));
	}

	/**
	 * Whether clients must authenticate.
	 * @return {@code true} with a token or users
	 */
	public boolean isRequired() {
		return this.token != null || !this.users.isEmpty() || !this.nkeyUsers.isEmpty();
	}

	/**
	 * The permissions a user gets: its own, else the default ones.
	 * @param user one of {@link #users()}
	 * @return the permissions, or {@code null} for none
	 */
	public BrokerPermissions permissionsOf(BrokerUser user) {
		return (user.permissions() != null) ? user.permissions() : this.defaultPermissions;
	}

	/**
	 * The permissions an nkey user gets: its own, else the default ones.
	 * @param user one of {@link #nkeyUsers()}
	 * @return the permissions, or {@code null} for none
	 */
	public BrokerPermissions permissionsOf(BrokerNkeyUser user) {
		return (user.permissions() != null) ? user.permissions() : this.defaultPermissions;
	}

	@Override
	public String toString() {
		return "BrokerAuth[token=" + ((this.token == null) ? "none" : "<redacted>") + ", users=" + this.users
				+ ", nkeyUsers=" + this.nkeyUsers + ", defaultPermissions=" + this.defaultPermissions + "]";
	}
}
