package io.github.natsspring.broker.protocol;

/**
 * A {@code host:port} address split as Go's {@code net.SplitHostPort} splits it, with its error texts, so that
 * addresses nats-server refuses (cluster listen URLs, advertised addresses) are refused here with the same words.
 *
 * @param host the host, without the brackets of an IPv6 address
 * @param port the port as written, possibly empty
 */
public record GoHostPort(String host, String port) {

	private static final String MISSING_PORT = "missing port in address";

	private static final String TOO_MANY_COLONS = "too many colons in address";

	/**
	 * Splits {@code host:port} or {@code [host]:port} as {@code net.SplitHostPort} does.
	 * @param hostPort the address
	 * @return the host and the port
	 * @throws IllegalArgumentException with Go's message, e.g. {@code address a:b:c: too many colons in address}
	 */
	public static GoHostPort split(String hostPort) {
		int colon = hostPort.lastIndexOf(':');
		if (colon < 0) {
			throw addressError(hostPort, MISSING_PORT);
		}
		String host;
		int hostStart = 0;
		int hostEnd = 0;
		if (hostPort.charAt(0) == '[') {
			int end = hostPort.indexOf(']');
			if (end < 0) {
				throw addressError(hostPort, "missing ']' in address");
			}
			if (end + 1 == hostPort.length()) {
				throw addressError(hostPort, MISSING_PORT);
			}
			if (end + 1 != colon) {
				throw addressError(hostPort, (hostPort.charAt(end + 1) == ':') ? TOO_MANY_COLONS : MISSING_PORT);
			}
			host = hostPort.substring(1, end);
			hostStart = 1;
			hostEnd = end + 1;
		}
		else {
			host = hostPort.substring(0, colon);
			if (host.indexOf(':') >= 0) {
				throw addressError(hostPort, TOO_MANY_COLONS);
			}
		}
		if (hostPort.indexOf('[', hostStart) >= 0) {
			throw addressError(hostPort, "unexpected '[' in address");
		}
		if (hostPort.indexOf(']', hostEnd) >= 0) {
			throw addressError(hostPort, "unexpected ']' in address");
		}
		return new GoHostPort(host, hostPort.substring(colon + 1));
	}

	/**
	 * Reads an advertised address as nats-server's {@code parseHostPort} does: a host alone takes the default
	 * port, and so does port 0 or -1.
	 * @param hostPort {@code host:port} or {@code host}
	 * @param defaultPort the port to use when none is given
	 * @return the host, trimmed, and the port
	 * @throws IllegalArgumentException with nats-server's message for an empty, malformed or non-numeric address
	 */
	public static GoHostPort withDefaultPort(String hostPort, int defaultPort) {
		if (hostPort.isEmpty()) {
			throw new IllegalArgumentException("no hostport specified");
		}
		GoHostPort split;
		try {
			split = split(hostPort);
		}
		catch (IllegalArgumentException ex) {
			if (!ex.getMessage().endsWith(MISSING_PORT)) {
				throw ex;
			}
			split = split(hostPort + ":" + defaultPort);
		}
		long port = atoi(split.port().strip());
		if (port == 0 || port == -1) {
			port = defaultPort;
		}
		return new GoHostPort(split.host().strip(), String.valueOf(port));
	}

	/** {@code strconv.Atoi} on a 64-bit platform: an optional sign and decimal digits. */
	private static long atoi(String text) {
		String digits = (text.startsWith("+") || text.startsWith("-")) ? text.substring(1) : text;
		if (digits.isEmpty() || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("strconv.Atoi: parsing " + GoQuote.quote(text) + ": invalid syntax");
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("strconv.Atoi: parsing " + GoQuote.quote(text) + ": value out of range",
					ex);
		}
	}

	private static IllegalArgumentException addressError(String address, String reason) {
		return new IllegalArgumentException(address.isEmpty() ? reason : "address " + address + ": " + reason);
	}
}
