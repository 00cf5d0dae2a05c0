package io.github.natsspring.broker.monitor;

import java.util.List;
import java.util.Map;

import io.github.natsspring.broker.protocol.GoQuote;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The query of a monitoring request, its values read as nats-server reads them: the first value of a name,
 * booleans, ints and unsigned ints with Go's {@code strconv} rules, and Go's error messages when they do not parse.
 */
final class QueryParameters {

	private final Map<String, List<String>> values;

	private QueryParameters(Map<String, List<String>> values) {
		this.values = values;
	}

	static QueryParameters of(QueryStringDecoder decoder) {
		return new QueryParameters(decoder.parameters());
	}

	static QueryParameters parse(String uri) {
		return of(new QueryStringDecoder(uri));
	}

	/** The first value, or the empty string when absent. */
	String get(String name) {
		List<String> all = this.values.get(name);
		return (all == null || all.isEmpty()) ? "" : all.get(0);
	}

	/** Go's {@code strconv.ParseBool}; absent or empty is {@code false}. */
	boolean bool(String name) {
		String text = get(name);
		return switch (text) {
			case "" -> false;
			case "1", "t", "T", "TRUE", "true", "True" -> true;
			case "0", "f", "F", "FALSE", "false", "False" -> false;
			default -> throw new BadQueryException("Error decoding boolean for '" + name
					+ "': strconv.ParseBool: parsing " + GoQuote.quote(text) + ": invalid syntax");
		};
	}

	/** Go's {@code strconv.Atoi} on a 64-bit platform; absent or empty is 0. */
	long integer(String name) {
		String text = get(name);
		if (text.isEmpty()) {
			return 0;
		}
		String digits = (text.charAt(0) == '+' || text.charAt(0) == '-') ? text.substring(1) : text;
		if (digits.isEmpty() || !isDigits(digits)) {
			throw new BadQueryException("Error decoding int for '" + name + "': strconv.Atoi: parsing "
					+ GoQuote.quote(text) + ": invalid syntax");
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new BadQueryException("Error decoding int for '" + name + "': strconv.Atoi: parsing "
					+ GoQuote.quote(text) + ": value out of range");
		}
	}

	/** Go's {@code strconv.ParseUint(text, 10, 64)}; absent or empty is 0. */
	long unsigned(String name) {
		String text = get(name);
		if (text.isEmpty()) {
			return 0;
		}
		if (!isDigits(text)) {
			throw new BadQueryException("Error decoding uint64 for '" + name + "': strconv.ParseUint: parsing "
					+ GoQuote.quote(text) + ": invalid syntax");
		}
		try {
			return Long.parseUnsignedLong(text);
		}
		catch (NumberFormatException ex) {
			throw new BadQueryException("Error decoding uint64 for '" + name + "': strconv.ParseUint: parsing "
					+ GoQuote.quote(text) + ": value out of range");
		}
	}

	private static boolean isDigits(String text) {
		return text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}
}
