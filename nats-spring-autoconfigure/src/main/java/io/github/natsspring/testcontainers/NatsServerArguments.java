package io.github.natsspring.testcontainers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The credentials a nats-server command line requires of clients: {@code --user} and {@code --pass}, or
 * {@code --auth} for a token. Flags are read as nats-server reads them, with one or two dashes, the value either
 * the next argument or after {@code =}.
 */
final class NatsServerArguments {

	private static final Set<String> CREDENTIAL_FLAGS = Set.of("user", "pass", "auth");

	private final Map<String, String> credentials;

	private NatsServerArguments(Map<String, String> credentials) {
		this.credentials = credentials;
	}

	/**
	 * Reads the credential flags of a command line.
	 * @param arguments the arguments given to nats-server, the executable excluded
	 * @return the credentials found
	 */
	static NatsServerArguments parse(List<String> arguments) {
		Map<String, String> credentials = new LinkedHashMap<>();
		for (int i = 0; i < arguments.size(); i++) {
			String flag = flagName(arguments.get(i));
			if (flag == null) {
				continue;
			}
			int equals = flag.indexOf('=');
			if (equals >= 0) {
				putIfCredential(credentials, flag.substring(0, equals), flag.substring(equals + 1));
			}
			else if (CREDENTIAL_FLAGS.contains(flag) && i + 1 < arguments.size()) {
				credentials.put(flag, arguments.get(++i));
			}
		}
		return new NatsServerArguments(credentials);
	}

	private static @Nullable String flagName(String argument) {
		if (argument.startsWith("--") && argument.length() > 2) {
			return argument.substring(2);
		}
		if (argument.startsWith("-") && argument.length() > 1) {
			return argument.substring(1);
		}
		return null;
	}

	private static void putIfCredential(Map<String, String> credentials, String name, String value) {
		if (CREDENTIAL_FLAGS.contains(name)) {
			credentials.put(name, value);
		}
	}

	/** The user name of {@code --user}, or {@code null}. */
	@Nullable String user() {
		return this.credentials.get("user");
	}

	/** The password of {@code --pass}, or {@code null}. */
	@Nullable String password() {
		return this.credentials.get("pass");
	}

	/** The token of {@code --auth}, or {@code null}. */
	@Nullable String token() {
		return this.credentials.get("auth");
	}
}
