package io.github.natsspring.broker.cli;

import java.math.BigInteger;

import io.github.natsspring.broker.protocol.GoQuote;

/**
 * Reads and quotes flag values the way Go's {@code flag} and {@code strconv} packages do, so that the values
 * nats-server accepts (and the ones it rejects) are accepted and rejected here too.
 */
final class GoValueSyntax {

	private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);

	private GoValueSyntax() {
	}

	/**
	 * Parses a 64-bit integer as {@code strconv.ParseInt(s, 0, 64)}: optional sign, {@code 0x}, {@code 0o},
	 * {@code 0b} or leading-{@code 0} (octal) prefixes, and underscores between digits.
	 * @throws InvalidValueException with Go's reason ({@code parse error} or {@code value out of range})
	 */
	static long parseInt(String text) {
		String unsigned = text;
		boolean negative = false;
		if (!unsigned.isEmpty() && (unsigned.charAt(0) == '+' || unsigned.charAt(0) == '-')) {
			negative = unsigned.charAt(0) == '-';
			unsigned = unsigned.substring(1);
		}
		int radix = 10;
		String digits = unsigned;
		if (unsigned.length() >= 2 && unsigned.charAt(0) == '0') {
			switch (Character.toLowerCase(unsigned.charAt(1))) {
				case 'x' -> {
					radix = 16;
					digits = unsigned.substring(2);
				}
				case 'o' -> {
					radix = 8;
					digits = unsigned.substring(2);
				}
				case 'b' -> {
					radix = 2;
					digits = unsigned.substring(2);
				}
				default -> {
					radix = 8;
					digits = unsigned.substring(1);
				}
			}
		}
		if (digits.indexOf('_') >= 0) {
			if (!underscoresBetweenDigits(unsigned)) {
				throw InvalidValueException.syntax();
			}
			digits = digits.replace("_", "");
		}
		if (digits.isEmpty() || !allDigitsOf(digits, radix)) {
			throw InvalidValueException.syntax();
		}
		BigInteger value = new BigInteger(digits, radix);
		if (negative) {
			value = value.negate();
		}
		if (value.compareTo(MIN_INT64) < 0 || value.compareTo(MAX_INT64) > 0) {
			throw InvalidValueException.range();
		}
		return value.longValue();
	}

	/**
	 * Reads the decimal digits of a URL's port as Go's {@code fmt.Sscan} reads an {@code int}, as nats-server reads
	 * the port of {@code --cluster}: a leading 0 makes the number octal, and the first digit that is not octal
	 * ends it.
	 * @param digits the port, digits only
	 * @return the number
	 * @throws IllegalArgumentException with Go's message: {@code EOF} for nothing, the {@code strconv} range error
	 * for too many digits
	 */
	static long scanInt(String digits) {
		if (digits.isEmpty()) {
			throw new IllegalArgumentException("EOF");
		}
		String token = digits;
		int radix = 10;
		if (digits.charAt(0) == '0') {
			int end = 1;
			while (end < digits.length() && digits.charAt(end) >= '0' && digits.charAt(end) <= '7') {
				end++;
			}
			token = digits.substring(0, end);
			radix = 8;
		}
		try {
			return Long.parseLong(token, radix);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"strconv.ParseInt: parsing " + GoQuote.quote(token) + ": value out of range", ex);
		}
	}

	/**
	 * Parses a boolean as {@code strconv.ParseBool}: {@code 1 t T TRUE true True} and
	 * {@code 0 f F FALSE false False}.
	 * @throws InvalidValueException for anything else
	 */
	static boolean parseBool(String text) {
		return switch (text) {
			case "1", "t", "T", "TRUE", "true", "True" -> true;
			case "0", "f", "F", "FALSE", "false", "False" -> false;
			default -> throw InvalidValueException.syntax();
		};
	}

	private static boolean allDigitsOf(String digits, int radix) {
		return digits.chars().allMatch((c) -> Character.digit(c, radix) >= 0 && c < 0x80);
	}

	// Go accepts an underscore only right after a digit or the base prefix, and never last.
	private static boolean underscoresBetweenDigits(String unsigned) {
		char previous = '^';
		int start = 0;
		boolean hex = false;
		if (unsigned.length() >= 2 && unsigned.charAt(0) == '0'
				&& "box".indexOf(Character.toLowerCase(unsigned.charAt(1))) >= 0) {
			start = 2;
			previous = '0';
			hex = Character.toLowerCase(unsigned.charAt(1)) == 'x';
		}
		for (int i = start; i < unsigned.length(); i++) {
			char c = unsigned.charAt(i);
			char lower = Character.toLowerCase(c);
			if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
				previous = '0';
			}
			else if (c == '_') {
				if (previous != '0') {
					return false;
				}
				previous = '_';
			}
			else {
				if (previous == '_') {
					return false;
				}
				previous = '!';
			}
		}
		return previous != '_';
	}

	/** A flag value Go would refuse; the message is Go's reason, as printed after the colon. */
	static final class InvalidValueException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private InvalidValueException(String reason) {
			super(reason);
		}

		static InvalidValueException syntax() {
			return new InvalidValueException("parse error");
		}

		static InvalidValueException range() {
			return new InvalidValueException("value out of range");
		}
	}
}
