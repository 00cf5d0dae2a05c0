package io.github.natsspring.broker.cli;

import io.github.natsspring.broker.protocol.GoQuote;

/**
 * The value of {@code --http}: {@code host:port} as the configuration file's {@code http} key takes it, an IPv6
 * host in brackets.
 *
 * @param host the host, empty for the client address
 * @param port the port, -1 for a random free one
 */
record HttpAddress(String host, long port) {

	/**
	 * Splits {@code host:port}.
	 * @param text the flag's value
	 * @return the address
	 * @throws IllegalArgumentException naming the value when it is not {@code host:port}
	 */
	static HttpAddress parse(String text) {
		int colon = text.lastIndexOf(':');
		String host = (colon >= 0) ? text.substring(0, colon) : null;
		boolean bracketed = text.startsWith("[");
		if (host == null || (!bracketed && host.contains(":")) || (bracketed && !host.endsWith("]"))) {
			throw new IllegalArgumentException("could not parse address string " + GoQuote.quote(text));
		}
		String port = text.substring(colon + 1);
		try {
			return new HttpAddress(bracketed ? host.substring(1, host.length() - 1) : host, Long.parseLong(port));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("could not parse port " + GoQuote.quote(port), ex);
		}
	}
}
