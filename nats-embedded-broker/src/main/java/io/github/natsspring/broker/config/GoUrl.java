package io.github.natsspring.broker.config;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import io.github.natsspring.broker.protocol.GoQuote;

/**
 * A URL read as Go's {@code net/url.Parse} reads it, for the URLs nats-server takes from its command line and
 * configuration file ({@code --cluster}, {@code --routes}, {@code cluster.routes}): accepted and refused alike,
 * with Go's error texts, such as {@code parse "nats://a b:1": invalid character " " in host name}. Only what
 * nats-server uses is kept: the authority's host and port, and its user and password.
 */
public final class GoUrl {

	private static final String HOST_SUB_DELIMITERS = "!$&'()*+,;=:[]<>\"";

	private static final String USERINFO_CHARACTERS = "-._:~!$&'()*+,;=%@";

	private final String text;

	private final String host;

	private final String username;

	private final String password;

	private GoUrl(String text, String host, String username, String password) {
		this.text = text;
		this.host = host;
		this.username = username;
		this.password = password;
	}

	/**
	 * Parses a URL.
	 * @param text the URL
	 * @return the URL
	 * @throws IllegalArgumentException with Go's message, {@code parse "<url>": <reason>}
	 */
	public static GoUrl parse(String text) {
		int hash = text.indexOf('#');
		String withoutFragment = (hash >= 0) ? text.substring(0, hash) : text;
		GoUrl url;
		try {
			url = parseWithoutFragment(withoutFragment, text);
		}
		catch (Refusal refusal) {
			throw refusal.as(withoutFragment);
		}
		try {
			if (hash >= 0) {
				unescape(text.substring(hash + 1), Part.OTHER);
			}
		}
		catch (Refusal refusal) {
			throw refusal.as(text);
		}
		return url;
	}

	private static GoUrl parseWithoutFragment(String url, String text) {
		if (url.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw new Refusal("net/url: invalid control character in URL");
		}
		String rest = url;
		String scheme = scheme(url);
		if (scheme != null) {
			rest = url.substring(scheme.length() + 1);
		}
		int question = rest.indexOf('?');
		if (question >= 0) {
			rest = rest.substring(0, question);
		}
		if (!rest.startsWith("/")) {
			if (scheme != null) {
				// an opaque URL, such as host:port taken for scheme:opaque, has no host
				return new GoUrl(text, "", null, null);
			}
			int slash = rest.indexOf('/');
			if (((slash >= 0) ? rest.substring(0, slash) : rest).indexOf(':') >= 0) {
				throw new Refusal("first path segment in URL cannot contain colon");
			}
		}
		String host = "";
		String username = null;
		String password = null;
		if ((scheme != null || !rest.startsWith("///")) && rest.startsWith("//")) {
			String authority = rest.substring(2);
			int slash = authority.indexOf('/');
			if (slash >= 0) {
				rest = authority.substring(slash);
				authority = authority.substring(0, slash);
			}
			else {
				rest = "";
			}
			int at = authority.lastIndexOf('@');
			host = host((at >= 0) ? authority.substring(at + 1) : authority);
			if (at >= 0) {
				String userinfo = authority.substring(0, at);
				if (!userinfo.chars().allMatch((c) -> c < 0x80 && (Character.isLetterOrDigit(c)
						|| USERINFO_CHARACTERS.indexOf(c) >= 0))) {
					throw new Refusal("net/url: invalid userinfo");
				}
				int colon = userinfo.indexOf(':');
				username = unescape((colon >= 0) ? userinfo.substring(0, colon) : userinfo, Part.OTHER);
				password = (colon >= 0) ? unescape(userinfo.substring(colon + 1), Part.OTHER) : null;
			}
		}
		unescape(rest, Part.OTHER);
		return new GoUrl(text, host, username, password);
	}

	/** The scheme, or {@code null} when the URL does not start with one. */
	private static String scheme(String url) {
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
				continue;
			}
			if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
				if (i == 0) {
					return null;
				}
				continue;
			}
			if (c == ':') {
				if (i == 0) {
					throw new Refusal("missing protocol scheme");
				}
				return url.substring(0, i);
			}
			return null;
		}
		return null;
	}

	private static String host(String host) {
		String port;
		if (host.startsWith("[")) {
			int end = host.lastIndexOf(']');
			if (end < 0) {
				throw new Refusal("missing ']' in host");
			}
			port = host.substring(end + 1);
		}
		else {
			int colon = host.lastIndexOf(':');
			port = (colon >= 0) ? host.substring(colon) : "";
		}
		if (!port.isEmpty() && (port.charAt(0) != ':' || !port.chars().skip(1).allMatch((c) -> c >= '0' && c <= '9'))) {
			throw new Refusal("invalid port " + GoQuote.quote(port) + " after host");
		}
		return unescape(host, Part.HOST);
	}

	private static String unescape(String text, Part part) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
					throw new Refusal("invalid URL escape " + GoQuote.quote(text.substring(i, Math.min(i + 3, text.length()))));
				}
				int value = Integer.parseInt(text.substring(i + 1, i + 3), 16);
				// a host may escape only bytes beyond ASCII, and % itself
				if (part == Part.HOST && value < 0x80 && value != '%') {
					throw new Refusal("invalid URL escape " + GoQuote.quote(text.substring(i, i + 3)));
				}
				bytes.write(value);
				i += 3;
				continue;
			}
			if (part == Part.HOST && c < 0x80 && !Character.isLetterOrDigit(c) && HOST_SUB_DELIMITERS.indexOf(c) < 0
					&& "-_.~".indexOf(c) < 0) {
				throw new Refusal("invalid character " + GoQuote.quote(String.valueOf(c)) + " in host name");
			}
			int end = i + Character.charCount(text.codePointAt(i));
			bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
			i = end;
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0 && c < 0x80;
	}

	/**
	 * The authority's host and port, as Go's {@code URL.Host}.
	 * @return {@code host:port}, {@code [ipv6]:port} or just a host; empty when the URL has no authority
	 */
	public String host() {
		return this.host;
	}

	/**
	 * The user of the authority's user information.
	 * @return the user, possibly empty, or {@code null} when the URL has no {@code user@}
	 */
	public String username() {
		return this.username;
	}

	/**
	 * The password of the authority's user information.
	 * @return the password, possibly empty, or {@code null} when none was given after a {@code :}
	 */
	public String password() {
		return this.password;
	}

	/**
	 * The URL as a Java URI, for the options that take one.
	 * @return the URI of the URL's text
	 * @throws IllegalArgumentException when Java refuses what Go accepts
	 */
	public URI toUri() {
		try {
			return new URI(this.text);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	private enum Part {

		HOST, OTHER

	}

	/** Go's reason for refusing a URL, before it is wrapped into {@code parse "<url>": <reason>}. */
	private static final class Refusal extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refusal(String reason) {
			super(reason, null, false, false);
		}

		IllegalArgumentException as(String url) {
			return new IllegalArgumentException("parse " + GoQuote.quote(url) + ": " + getMessage());
		}
	}
}
