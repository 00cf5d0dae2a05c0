package io.github.natsspring.broker.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.natsspring.broker.BrokerNkeyUser;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.auth.NkeyPublicKey;
import io.github.natsspring.broker.protocol.GoQuote;

/**
 * Reads an {@code authorization} block as nats-server 2.9.10 does: a single user and password, or a
 * token, or a {@code users} array of users with passwords and users with nkeys, each with optional permissions,
 * {@code default_permissions} for users without their own, and {@code timeout} in seconds.
 */
final class AuthorizationReader {

	// what nats-server reports when a value of the wrong type ended reading the block and it then used the result
	private static final String NIL_DEREFERENCE = "runtime error: invalid memory address or nil pointer dereference";

	private final ConfigProblems problems;

	private final ServerSettings.Builder settings;

	private final PermissionsReader permissions;

	AuthorizationReader(ConfigProblems problems, ServerSettings.Builder settings) {
		this.problems = problems;
		this.settings = settings;
		this.permissions = new PermissionsReader(problems);
	}

	/** Reads the top-level block into the settings, refusing the combinations nats-server refuses there. */
	void read(ConfigValue block) {
		Authorization authorization = parse(block);
		if (authorization == null) {
			return;
		}
		String user = authorization.user();
		String token = authorization.token();
		Users users = authorization.users();
		if ((!user.isEmpty() || !authorization.password().isEmpty()) && !token.isEmpty()) {
			this.problems.error(block, "Cannot have a user/pass and token");
			return;
		}
		if (users != null && !user.isEmpty()) {
			this.problems.error(block, "Can not have a single user/pass and a users array");
			return;
		}
		if (users != null && !token.isEmpty()) {
			this.problems.error(block, "Can not have a token and a users array");
			return;
		}
		if (users != null && !unique(block, users)) {
			return;
		}
		this.settings.username(user).password(authorization.password()).token(token).authTimeout(authorization.timeout());
		if (users != null) {
			this.settings.users(users.users(), users.nkeyUsers());
		}
		this.settings.defaultPermissions(authorization.defaultPermissions());
	}

	/**
	 * Reads a block, top-level or the cluster's, without the checks of where it is used.
	 * @return what it holds, or {@code null} when a value of the wrong type ended it, as nats-server then fails
	 * on the result it did not get
	 */
	Authorization parse(ConfigValue block) {
		String user = "";
		String password = "";
		String token = "";
		Duration timeout = null;
		Users users = null;
		BrokerPermissions defaultPermissions = null;
		try {
			for (Map.Entry<String, ConfigValue> entry : ConfigValues.map(block).entrySet()) {
				ConfigValue value = entry.getValue();
				switch (entry.getKey().toLowerCase(Locale.ROOT)) {
					case "user", "username" -> user = ConfigValues.string(value);
					case "pass", "password" -> password = ConfigValues.string(value);
					case "token" -> token = ConfigValues.string(value);
					case "timeout" -> timeout = timeout(value);
					case "users" -> users = readUsers(value);
					case "default_permission", "default_permissions", "permissions" ->
						defaultPermissions = this.permissions.read(value);
					default -> this.problems.unknownField(entry.getKey(), value);
				}
			}
		}
		catch (ConfigTypeMismatch mismatch) {
			this.problems.typeMismatch(mismatch);
			this.problems.error(block, NIL_DEREFERENCE);
			return null;
		}
		return new Authorization(user, password, token, timeout, users, defaultPermissions);
	}

	// nats-server: whole or fractional seconds; any other type means one second
	private static Duration timeout(ConfigValue value) {
		if (value.value() instanceof Long seconds) {
			return Duration.ofSeconds(seconds);
		}
		if (value.value() instanceof Double seconds) {
			return Duration.ofNanos((long) (seconds * 1e9));
		}
		return Duration.ofSeconds(1);
	}

	private boolean unique(ConfigValue block, Users users) {
		Set<String> names = new HashSet<>();
		for (BrokerUser user : users.users()) {
			if (!names.add(user.username())) {
				this.problems.error(block, "Duplicate user " + GoQuote.quote(user.username()) + " detected");
				return false;
			}
		}
		for (BrokerNkeyUser user : users.nkeyUsers()) {
			if (!names.add(user.publicKey())) {
				this.problems.error(block, "Duplicate nkey " + GoQuote.quote(user.publicKey()) + " detected");
				return false;
			}
		}
		return true;
	}

	/** The {@code users} array; {@code null} when it is refused (the first refused entry ends it). */
	private Users readUsers(ConfigValue array) {
		if (!(array.value() instanceof List<?>)) {
			this.problems.error(array, "Expected users field to be an array, got " + ConfigValues.goValue(array));
			return null;
		}
		List<BrokerUser> users = new ArrayList<>();
		List<BrokerNkeyUser> nkeyUsers = new ArrayList<>();
		try {
			for (ConfigValue entry : ConfigValues.list(array)) {
				if (!(entry.value() instanceof Map<?, ?>)) {
					this.problems.error(entry,
							"Expected user entry to be a map/struct, got " + ConfigValues.goValue(entry));
					continue;
				}
				if (!readUser(entry, users, nkeyUsers)) {
					return null;
				}
			}
		}
		catch (ConfigTypeMismatch mismatch) {
			this.problems.typeMismatch(mismatch);
			return null;
		}
		return new Users(users, nkeyUsers);
	}

	private boolean readUser(ConfigValue entry, List<BrokerUser> users, List<BrokerNkeyUser> nkeyUsers) {
		String nkey = "";
		String name = "";
		String password = "";
		BrokerPermissions userPermissions = null;
		ConfigValue last = entry;
		for (Map.Entry<String, ConfigValue> field : ConfigValues.map(entry).entrySet()) {
			ConfigValue value = field.getValue();
			last = value;
			switch (field.getKey().toLowerCase(Locale.ROOT)) {
				case "nkey" -> nkey = ConfigValues.string(value);
				case "user", "username" -> name = ConfigValues.string(value);
				case "pass", "password" -> password = ConfigValues.string(value);
				case "permission", "permissions", "authorization" -> userPermissions = this.permissions.read(value);
				case "allowed_connection_types", "connection_types", "clients" -> this.problems.error(value,
						"field " + GoQuote.quote(field.getKey()) + " is not supported by this broker");
				default -> this.problems.unknownField(field.getKey(), value);
			}
		}
		if (nkey.isEmpty() && name.isEmpty()) {
			this.problems.error(last, "User entry requires a user");
			return false;
		}
		if (!nkey.isEmpty()) {
			if (!isUserNkey(nkey)) {
				this.problems.error(last, "Not a valid public nkey for a user");
				return false;
			}
			if (!name.isEmpty() || !password.isEmpty()) {
				this.problems.error(last, "Nkey users do not take usernames or passwords");
				return false;
			}
			nkeyUsers.add(new BrokerNkeyUser(nkey, userPermissions));
			return true;
		}
		users.add(new BrokerUser(name, password, userPermissions));
		return true;
	}

	private static boolean isUserNkey(String nkey) {
		try {
			NkeyPublicKey.of(nkey);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * What an {@code authorization} block holds.
	 *
	 * @param user the single user, empty for none
	 * @param password the single user's password
	 * @param token the token, empty for none
	 * @param timeout the authentication timeout, {@code null} when not given
	 * @param users the {@code users} array, {@code null} when absent or refused
	 * @param defaultPermissions the permissions of users without their own, {@code null} when not given
	 */
	record Authorization(String user, String password, String token, Duration timeout, Users users,
			BrokerPermissions defaultPermissions) {
	}

	/**
	 * The {@code users} array.
	 *
	 * @param users the users with passwords
	 * @param nkeyUsers the users with nkeys
	 */
	record Users(List<BrokerUser> users, List<BrokerNkeyUser> nkeyUsers) {
	}
}
