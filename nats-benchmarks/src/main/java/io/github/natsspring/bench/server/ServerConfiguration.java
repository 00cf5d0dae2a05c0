package io.github.natsspring.bench.server;

import java.nio.file.Path;

/**
 * A nats-server configuration file a server under test is started with ({@code -c}, before the listen flags, which
 * win over it), and how clients reach a server started with it.
 *
 * @param file the configuration file, {@code null} to start with flags alone
 * @param access how clients connect
 */
public record ServerConfiguration(Path file, ClientAccess access) {

	/** No configuration file: the flags alone, plaintext, no authentication. */
	public static final ServerConfiguration NONE = new ServerConfiguration(null, ClientAccess.ANONYMOUS_PLAINTEXT);

}
