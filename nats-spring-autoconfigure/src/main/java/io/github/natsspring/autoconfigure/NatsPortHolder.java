package io.github.natsspring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What holds a port, found by connecting to it: a NATS server greets every client with an {@code INFO {...}} line.
 * Bounded by short timeouts; any failure to find out is {@link Kind#UNKNOWN}, never an exception.
 * @param kind what answered
 * @param serverName the {@code server_name} a NATS server sent, if any
 * @param version the {@code version} a NATS server sent, if any
 */
record NatsPortHolder(Kind kind, @Nullable String serverName, @Nullable String version) {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private static final int MAX_INFO_LENGTH = 8192;

	private static final NatsPortHolder UNKNOWN = new NatsPortHolder(Kind.UNKNOWN, null, null);

	private static final NatsPortHolder OTHER = new NatsPortHolder(Kind.OTHER, null, null);

	/** Connects to the port, reads its greeting and closes. */
	static NatsPortHolder probe(String host, int port) {
		try (Socket socket = new Socket()) {
			try {
				socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
			}
			catch (IOException | RuntimeException ex) {
				return UNKNOWN;
			}
			return greeting(socket);
		}
		catch (IOException ex) {
			return UNKNOWN;
		}
	}

	// connected: whatever does not greet with INFO in time, or closes, is no NATS server
	private static NatsPortHolder greeting(Socket socket) {
		try {
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			String line = firstLine(socket.getInputStream());
			if (!line.startsWith("INFO {")) {
				return OTHER;
			}
			return new NatsPortHolder(Kind.NATS_SERVER, field(line, "server_name"), field(line, "version"));
		}
		catch (IOException ex) {
			return OTHER;
		}
	}

	private static String firstLine(InputStream in) throws IOException {
		byte[] line = new byte[MAX_INFO_LENGTH];
		int length = 0;
		for (int b = in.read(); b != -1 && b != '\n' && length < line.length; b = in.read()) {
			line[length++] = (byte) b;
		}
		return new String(line, 0, length, StandardCharsets.UTF_8);
	}

	private static @Nullable String field(String info, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(info);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** What answered on the port. */
	enum Kind {

		/** A NATS server: another instance of the application, a standalone broker or nats-server. */
		NATS_SERVER,

		/** Something that accepted the connection but did not greet as a NATS server. */
		OTHER,

		/** Nothing could be learned: the connection was refused or timed out. */
		UNKNOWN
	}
}
