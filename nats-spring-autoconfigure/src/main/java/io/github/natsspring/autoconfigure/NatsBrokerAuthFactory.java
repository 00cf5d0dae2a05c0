package io.github.natsspring.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerNkeyUser;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.SubjectPermission;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;

/**
 * Builds the embedded broker's {@link BrokerAuth} from {@code nats.embedded.*}: a token, or the users
 * ({@code nats.embedded.username}'s first, then {@code nats.embedded.users}) with their permissions and the default
 * ones. Whatever the broker would reject fails here first, on the property at fault, so that Spring Boot's failure
 * analysis names it and where it was set. A secret is never the property named: the analysis prints its value.
 */
class NatsBrokerAuthFactory {

	private static final String SUBJECTS = "A subject is tokens separated by dots; '*' matches one token and '>',"
			+ " as the last token, all the rest.";

	private final NatsProperties.Embedded embedded;

	private final List<BrokerUser> users = new ArrayList<>();

	private final List<BrokerNkeyUser> nkeyUsers = new ArrayList<>();

	private final Map<String, String> propertyOfName = new HashMap<>();

	private final Map<String, String> propertyOfNkey = new HashMap<>();

	NatsBrokerAuthFactory(NatsProperties.Embedded embedded) {
		this.embedded = embedded;
	}

	BrokerAuth create() {
		String token = this.embedded.getToken();
		if (token != null) {
			return token(token);
		}
		addSingleUser();
		List<NatsProperties.EmbeddedUser> listed = this.embedded.getUsers();
		for (int i = 0; i < listed.size(); i++) {
			addUser("nats.embedded.users[" + i + "]", listed.get(i));
		}
		BrokerPermissions defaults = permissions("nats.embedded.default-permissions",
				this.embedded.getDefaultPermissions());
		if (this.users.isEmpty() && this.nkeyUsers.isEmpty()) {
			if (defaults != null) {
				throw new InvalidConfigurationPropertyValueException("nats.embedded.default-permissions", defaults,
						"Default permissions apply to users, and no user is configured. Configure nats.embedded.users"
								+ " or nats.embedded.username, or remove nats.embedded.default-permissions.");
			}
			return BrokerAuth.none();
		}
		return new BrokerAuth(null, this.users, this.nkeyUsers, defaults);
	}

	private BrokerAuth token(String token) {
		MutuallyExclusiveConfigurationPropertiesException.throwIfMultipleNonNullValuesIn((entries) -> {
			entries.put("nats.embedded.token", token);
			entries.put("nats.embedded.username", this.embedded.getUsername());
		});
		if (!this.embedded.getUsers().isEmpty()) {
			NatsProperties.EmbeddedUser first = this.embedded.getUsers().get(0);
			String userProperty = "nats.embedded.users[0]." + ((first.getNkey() != null) ? "nkey" : "username");
			throw new MutuallyExclusiveConfigurationPropertiesException(List.of("nats.embedded.token", userProperty),
					List.of("nats.embedded.token", "nats.embedded.username", "nats.embedded.users"));
		}
		if (token.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.token", token,
					"The token must not be empty. Remove nats.embedded.token to let clients connect without one.");
		}
		if (this.embedded.getDefaultPermissions() != null) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.default-permissions",
					permissions("nats.embedded.default-permissions", this.embedded.getDefaultPermissions()),
					"Default permissions apply to users, not to a token. Configure nats.embedded.users instead of"
							+ " nats.embedded.token, or remove nats.embedded.default-permissions.");
		}
		return BrokerAuth.token(token);
	}

	private void addSingleUser() {
		String username = this.embedded.getUsername();
		String password = this.embedded.getPassword();
		if (username == null) {
			if (password != null) {
				throw new InvalidConfigurationPropertyValueException("nats.embedded.username", null,
						"nats.embedded.password is set without a user name. Set nats.embedded.username as well,"
								+ " or remove nats.embedded.password.");
			}
			return;
		}
		addPasswordUser("nats.embedded.username", "nats.embedded.password", username, password, null);
	}

	private void addUser(String property, NatsProperties.EmbeddedUser user) {
		String nkey = user.getNkey();
		BrokerPermissions permissions = permissions(property + ".permissions", user.getPermissions());
		if (nkey == null) {
			if (user.getUsername() == null) {
				throw new InvalidConfigurationPropertyValueException(property + ".username", null,
						"Each user needs a username and a password, or an nkey.");
			}
			addPasswordUser(property + ".username", property + ".password", user.getUsername(), user.getPassword(),
					permissions);
			return;
		}
		MutuallyExclusiveConfigurationPropertiesException.throwIfMultipleNonNullValuesIn((entries) -> {
			entries.put(property + ".nkey", nkey);
			entries.put(property + ".username", user.getUsername());
		});
		MutuallyExclusiveConfigurationPropertiesException.throwIfMultipleNonNullValuesIn((entries) -> {
			entries.put(property + ".nkey", nkey);
			entries.put(property + ".password", user.getPassword());
		});
		String nkeyProperty = property + ".nkey";
		BrokerNkeyUser nkeyUser;
		try {
			nkeyUser = new BrokerNkeyUser(nkey, permissions);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(nkeyProperty, nkey, "Not a user's public nkey ("
					+ ex.getMessage() + "). Give the public key, U followed by 55 characters, as 'nk -gen user"
					+ " -pubout' prints it; the seed (SU...) stays with the client.");
		}
		String earlier = this.propertyOfNkey.putIfAbsent(nkey, nkeyProperty);
		if (earlier != null) {
			throw new InvalidConfigurationPropertyValueException(nkeyProperty, nkey,
					"The same nkey is configured by " + earlier + ". List each nkey user once.");
		}
		this.nkeyUsers.add(nkeyUser);
	}

	private void addPasswordUser(String nameProperty, String passwordProperty, String username,
			@Nullable String password, @Nullable BrokerPermissions permissions) {
		if (username.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(nameProperty, username,
					"The user name must not be empty.");
		}
		if (password == null) {
			throw new InvalidConfigurationPropertyValueException(nameProperty, username,
					"User '" + username + "' has no password. Set " + passwordProperty + ".");
		}
		String earlier = this.propertyOfName.putIfAbsent(username, nameProperty);
		if (earlier != null) {
			throw new InvalidConfigurationPropertyValueException(nameProperty, username, "User '" + username
					+ "' is already configured by " + earlier + ". User names must be unique.");
		}
		this.users.add(new BrokerUser(username, password, permissions));
	}

	private static @Nullable BrokerPermissions permissions(String property,
			NatsProperties.@Nullable EmbeddedPermissions permissions) {
		if (permissions == null) {
			return null;
		}
		BrokerPermissions result = BrokerPermissions.of(subjects(property + ".publish", permissions.getPublish(), false),
				subjects(property + ".subscribe", permissions.getSubscribe(), true));
		NatsProperties.EmbeddedResponsePermissions responses = permissions.getAllowResponses();
		if (!responses.isEnabled()) {
			return result;
		}
		if (responses.getMaxMessages() <= 0) {
			throw new InvalidConfigurationPropertyValueException(property + ".allow-responses.max-messages",
					responses.getMaxMessages(), "The number of replies each request allows must be positive.");
		}
		if (responses.getExpires().isNegative() || responses.getExpires().isZero()) {
			throw new InvalidConfigurationPropertyValueException(property + ".allow-responses.expires",
					responses.getExpires(), "How long replies are allowed after a request must be positive.");
		}
		return result.allowingResponses(new ResponsePermission(responses.getMaxMessages(), responses.getExpires()));
	}

	private static SubjectPermission subjects(String property, NatsProperties.EmbeddedSubjectPermissions subjects,
			boolean queues) {
		if (subjects.getAllow() != null) {
			requireValid(property + ".allow", subjects.getAllow(), queues);
		}
		requireValid(property + ".deny", subjects.getDeny(), queues);
		return new SubjectPermission(subjects.getAllow(), subjects.getDeny());
	}

	private static void requireValid(String property, List<String> entries, boolean queues) {
		for (int i = 0; i < entries.size(); i++) {
			String entry = entries.get(i);
			String entryProperty = property + "[" + i + "]";
			if (!queues && entry.trim().split("\\s+").length > 1) {
				throw new InvalidConfigurationPropertyValueException(entryProperty, entry,
						"A publish permission is one subject; a queue group after a space applies to subscribe"
								+ " permissions only.");
			}
			try {
				new SubjectPermission(List.of(entry), List.of());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(entryProperty, entry, "Not a valid permission"
						+ " subject. " + SUBJECTS + (queues ? " A queue group may follow after a space." : ""));
			}
		}
	}
}
