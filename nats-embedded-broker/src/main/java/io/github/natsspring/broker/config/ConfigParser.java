package io.github.natsspring.broker.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Parses nats-server's configuration format as nats-server 2.9.10 reads it, into {@link ConfigValue}s that know
 * where they were written. The format: {@code key = value}, {@code key: value} or {@code key value}, entries ended
 * by a new line, {@code ;} or {@code ,}; maps in braces, arrays in brackets; {@code #} and {@code //} comments;
 * double-quoted strings with {@code \t \n \r \" \\ \xHH} escapes, single-quoted raw strings, bare words, and
 * {@code (}…{@code )} blocks whose closing parenthesis starts a line; integers with size suffixes ({@code k}
 * 1000, {@code kb} 1024, up to {@code e}/{@code eb}), floats, booleans ({@code true yes on false no off}),
 * Zulu date-times; {@code $NAME} references to a key defined earlier in an enclosing map or, failing that, to an
 * environment variable (whose value is parsed as a configuration value); {@code include path}, relative to the
 * including file's directory.
 *
 * <p>The rules follow nats-server's observable behaviour, including its surprises, because a broker that is a
 * drop-in must accept and refuse the same files: a bare value that starts with a digit is a number only up to a
 * terminator, so {@code [1, 2]} is refused (the {@code 2]} runs on as a string) while {@code [1, 2 ]} is read; a
 * value on the line after {@code key =} is refused at the top level and accepted inside a map; columns count
 * from 0 on the first line and from 1 on the others. Messages are nats-server's, word for word.
 */
public final class ConfigParser {

	private static final char EOF = 0;

	private static final DateTimeFormatter ZULU = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	private static final String DATE_SHAPE = "00-00T00:00:00Z";

	private static final String ENVIRONMENT_KEY = "pk";

	private static final String BCRYPT_PREFIX = "2a$";

	// nats-server recurses without end on a file that includes itself; this stops it with an error
	private static final int MAX_INCLUDE_DEPTH = 32;

	private final String input;

	private final String fileName;

	private final String directory;

	private final UnaryOperator<String> environment;

	private final int includeDepth;

	/** The maps being filled, innermost first: where variable references look. */
	private final Deque<Map<String, ConfigValue>> scopes = new ArrayDeque<>();

	private int pos;

	/** How far the last {@link #next()} moved: 0 at the end of the input. */
	private int width;

	private int line = 1;

	/** 0 on the first line, then the index of the newline before the current line, as nats-server counts. */
	private int lineStart;

	private ConfigParser(String input, String fileName, String directory, UnaryOperator<String> environment,
			int includeDepth) {
		this.input = input;
		this.fileName = fileName;
		this.directory = directory;
		this.environment = environment;
		this.includeDepth = includeDepth;
	}

	/**
	 * Parses a configuration file; included files are read relative to its directory.
	 * @param file the file, named in locations and messages as given
	 * @return the top-level entries, in file order
	 * @throws ConfigSyntaxException with nats-server's message if the file cannot be read or parsed
	 */
	public static Map<String, ConfigValue> parseFile(String file) {
		return parseFile(file, System::getenv);
	}

	static Map<String, ConfigValue> parseFile(String file, UnaryOperator<String> environment) {
		return parseFile(file, environment, 0);
	}

	private static Map<String, ConfigValue> parseFile(String file, UnaryOperator<String> environment, int depth) {
		String text;
		try {
			text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfigSyntaxException(openError(file, ex));
		}
		return new ConfigParser(text, file, goDirectory(file), environment, depth).parseDocument();
	}

	/**
	 * Parses configuration text that is not in a file; includes are read relative to the working directory.
	 * @param text the configuration
	 * @return the top-level entries, in order
	 * @throws ConfigSyntaxException with nats-server's message if the text cannot be parsed
	 */
	public static Map<String, ConfigValue> parseText(String text) {
		return parseText(text, System::getenv);
	}

	static Map<String, ConfigValue> parseText(String text, UnaryOperator<String> environment) {
		return new ConfigParser(text, "", ".", environment, 0).parseDocument();
	}

	// ---- document and keys ----

	private Map<String, ConfigValue> parseDocument() {
		Map<String, ConfigValue> top = new LinkedHashMap<>();
		this.scopes.push(top);
		try {
			while (true) {
				char c = next();
				if (isUnicodeSpace(c) || c == '{') {
					continue;
				}
				if (c == '#') {
					skipComment();
					continue;
				}
				if (c == '/') {
					if (peek() == '/') {
						next();
						skipComment();
						continue;
					}
					throw syntaxError("Unexpected EOF.");
				}
				if (c == EOF) {
					break;
				}
				backup();
				if (parseTopLevelEntry(top)) {
					parseTopLevelValueEnd();
				}
			}
		}
		catch (EndOfDocument ex) {
			// nats-server stops reading at an empty quoted string or key cut off by the end of the file
		}
		return Collections.unmodifiableMap(top);
	}

	/** Reads one top-level key and its value; {@code false} when the file ended after the key. */
	private boolean parseTopLevelEntry(Map<String, ConfigValue> target) {
		while (isUnicodeSpace(peek())) {
			next();
		}
		char c = peek();
		if (isKeySeparator(c)) {
			throw syntaxError("Unexpected key separator '" + describe(c) + "'");
		}
		Key key = readKey(false);
		if (key == null) {
			return true;
		}
		while (true) {
			char after = next();
			if (isUnicodeSpace(after)) {
				continue;
			}
			if (after == EOF) {
				return false;
			}
			if (!isKeySeparator(after)) {
				backup();
			}
			break;
		}
		ConfigValue value = parseValue();
		if (value != null) {
			put(target, key.name(), value.at(key.location()));
		}
		return true;
	}

	/**
	 * Reads a key, quoted or bare, placed where its text starts; {@code null} when it was {@code include}, which
	 * is read and merged here.
	 */
	private Key readKey(boolean inMap) {
		int start = this.pos;
		ConfigLocation location = locationOf(start);
		char first = peek();
		if (first == '"' || first == '\'') {
			ConfigLocation afterQuote = locationOf(start + 1);
			next();
			String name = inMap ? readMapQuotedKey(first) : readTopLevelQuotedKey(first);
			return new Key(name, afterQuote);
		}
		String name = readBareKey(inMap);
		return (name != null) ? new Key(name, location) : null;
	}

	private String readTopLevelQuotedKey(char quote) {
		int start = this.pos;
		while (true) {
			char c = peek();
			if (c == quote) {
				String key = this.input.substring(start, this.pos);
				next();
				return key;
			}
			if (c == EOF) {
				if (this.pos > start) {
					throw syntaxError("Unexpected EOF.");
				}
				throw new EndOfDocument();
			}
			next();
		}
	}

	/**
	 * Reads a bare key up to white space or a separator; a key {@code include} followed by white space is an
	 * include instead, read here, and {@code null} is returned.
	 */
	private String readBareKey(boolean inMap) {
		int start = this.pos;
		next();
		while (true) {
			char c = peek();
			if (c == EOF) {
				if (inMap) {
					throw syntaxError("Unexpected EOF processing map key.");
				}
				return this.input.substring(start, this.pos);
			}
			if (isUnicodeSpace(c)) {
				String key = this.input.substring(start, this.pos);
				if (key.toLowerCase(Locale.ROOT).equals("include")) {
					include(this.scopes.peek());
					return null;
				}
				return key;
			}
			if (isKeySeparator(c)) {
				return this.input.substring(start, this.pos);
			}
			next();
		}
	}

	private void parseTopLevelValueEnd() {
		while (true) {
			char c = next();
			if (c == '#') {
				skipComment();
				return;
			}
			if (c == '/') {
				if (peek() == '/') {
					next();
					skipComment();
					return;
				}
				continue;
			}
			if (c == ' ' || c == '\t') {
				continue;
			}
			if (isNewLine(c) || c == EOF || c == ';' || c == ',' || c == '}') {
				return;
			}
			throw syntaxError("Expected a top-level value to end with a new line, comment or EOF, but got '"
					+ describe(c) + "' instead.");
		}
	}

	// ---- values ----

	/** Reads a value; {@code null} for an integer whose suffix nats-server does not know, which it drops. */
	private ConfigValue parseValue() {
		while (true) {
			char c = next();
			if (c == ' ' || c == '\t') {
				continue;
			}
			switch (c) {
				case '[':
					return parseArray();
				case '{':
					return parseMap();
				case '\'':
					return readSingleQuotedString();
				case '"':
					return readDoubleQuotedString();
				case '-':
					return readNegativeNumber();
				case '(':
					return readBlock();
				case '.':
					throw syntaxError("Floats must start with a digit");
				default:
					break;
			}
			if (Character.isDigit(c)) {
				backup();
				return readNumberOrDateOrString();
			}
			if (isNewLine(c)) {
				throw syntaxError("Expected value but found new line");
			}
			backup();
			return readBareString(this.pos, new ByteArrayOutputStream(), false);
		}
	}

	private ConfigValue parseArray() {
		List<ConfigValue> elements = new ArrayList<>();
		while (true) {
			char c = next();
			if (isUnicodeSpace(c)) {
				continue;
			}
			if (c == '#') {
				skipComment();
				continue;
			}
			if (c == '/' && peek() == '/') {
				next();
				skipComment();
				continue;
			}
			if (c == ',' || c == '/') {
				throw syntaxError("Unexpected array value terminator ','.");
			}
			if (c == ']') {
				return endOfContainer(Collections.unmodifiableList(elements));
			}
			backup();
			ConfigValue element = parseValue();
			if (element != null) {
				elements.add(element);
			}
			if (parseArrayValueEnd()) {
				return endOfContainer(Collections.unmodifiableList(elements));
			}
		}
	}

	/** After an array element: {@code true} if the array ended. */
	private boolean parseArrayValueEnd() {
		while (true) {
			char c = next();
			if (c == ' ' || c == '\t') {
				continue;
			}
			if (c == '#') {
				skipComment();
				continue;
			}
			if (c == '/' && peek() == '/') {
				next();
				skipComment();
				continue;
			}
			if (c == ',' || c == '/' || isNewLine(c)) {
				return false;
			}
			if (c == ']') {
				return true;
			}
			throw syntaxError("Expected an array value terminator \",\" or an array terminator \"]\", but got '"
					+ describe(c) + "' instead.");
		}
	}

	private ConfigValue parseMap() {
		Map<String, ConfigValue> map = new LinkedHashMap<>();
		this.scopes.push(map);
		try {
			while (parseMapEntry(map)) {
				if (parseMapValueEnd()) {
					break;
				}
			}
		}
		finally {
			this.scopes.pop();
		}
		return endOfContainer(Collections.unmodifiableMap(map));
	}

	/** Reads one entry of a map; {@code false} if the map ended instead. */
	private boolean parseMapEntry(Map<String, ConfigValue> map) {
		while (true) {
			char c = peek();
			if (isKeySeparator(c)) {
				throw syntaxError("Unexpected key separator '" + describe(c) + "'.");
			}
			if (c == ']') {
				throw syntaxError("Unexpected array end '" + describe(c) + "' processing map.");
			}
			if (isUnicodeSpace(c)) {
				next();
				continue;
			}
			if (c == '}') {
				next();
				return false;
			}
			if (c == '#') {
				next();
				skipComment();
				continue;
			}
			if (c == '/') {
				next();
				if (peek() == '/') {
					next();
					skipComment();
					continue;
				}
				// nats-server skips a lone slash before a key
				c = peek();
			}
			if (c == EOF) {
				throw syntaxError("Unexpected EOF processing map.");
			}
			break;
		}
		Key key = readKey(true);
		if (key == null) {
			return true;
		}
		while (true) {
			char c = next();
			if (isUnicodeSpace(c)) {
				continue;
			}
			if (!isKeySeparator(c)) {
				backup();
			}
			break;
		}
		while (true) {
			char c = next();
			if (isUnicodeSpace(c)) {
				continue;
			}
			if (c == ',') {
				throw syntaxError("Unexpected map value terminator \",\".");
			}
			if (c == '}') {
				// a key without a value at the end of a map: nats-server keeps nothing for it
				backup();
				return true;
			}
			backup();
			break;
		}
		ConfigValue value = parseValue();
		if (value != null) {
			put(map, key.name(), value.at(key.location()));
		}
		return true;
	}

	private String readMapQuotedKey(char quote) {
		int start = this.pos;
		while (true) {
			char c = peek();
			if (c == EOF) {
				throw syntaxError((quote == '"') ? "Unexpected EOF processing double quoted map key."
						: "Unexpected EOF processing quoted map key.");
			}
			if (c == quote) {
				String key = this.input.substring(start, this.pos);
				next();
				return key;
			}
			next();
		}
	}

	/** After a map value: {@code true} if the map ended. */
	private boolean parseMapValueEnd() {
		while (true) {
			char c = next();
			if (c == ' ' || c == '\t') {
				continue;
			}
			if (c == '#') {
				skipComment();
				continue;
			}
			if (c == '/' && peek() == '/') {
				next();
				skipComment();
				continue;
			}
			if (c == ';' || c == ',' || c == '/' || isNewLine(c)) {
				return false;
			}
			if (c == '}') {
				return true;
			}
			throw syntaxError("Expected a map value terminator \",\" or a map terminator \"}\", but got '"
					+ describe(c) + "' instead.");
		}
	}

	// nats-server places an array or map that is an array element where its closing bracket ends
	private ConfigValue endOfContainer(Object value) {
		return new ConfigValue(value, here());
	}

	private ConfigValue readSingleQuotedString() {
		int start = this.pos;
		ConfigLocation location = here();
		while (true) {
			char c = next();
			if (c == '\'') {
				return new ConfigValue(this.input.substring(start, this.pos - 1), location);
			}
			if (c == EOF) {
				if (this.pos > start) {
					throw syntaxError("Unexpected EOF.");
				}
				throw new EndOfDocument();
			}
		}
	}

	private ConfigValue readDoubleQuotedString() {
		int start = this.pos;
		ConfigLocation location = here();
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		int partStart = start;
		while (true) {
			char c = next();
			if (c == '\\') {
				appendUtf8(text, this.input.substring(partStart, this.pos - 1));
				readEscape(text);
				partStart = this.pos;
			}
			else if (c == '"') {
				appendUtf8(text, this.input.substring(partStart, this.pos - 1));
				return new ConfigValue(text.toString(StandardCharsets.UTF_8), location);
			}
			else if (c == EOF) {
				if (this.pos > start) {
					throw syntaxError("Unexpected EOF.");
				}
				throw new EndOfDocument();
			}
		}
	}

	/**
	 * A bare word from {@code start}, the cursor somewhere in it: up to white space, a new line, {@code ; , ] }}
	 * or the end (not consumed), or a single quote (consumed). Without escapes, {@code true}/{@code false}/… is a
	 * boolean and {@code $NAME} a variable reference.
	 */
	private ConfigValue readBareString(int start, ByteArrayOutputStream escaped, boolean hasEscapes) {
		ConfigLocation location = locationOf(start);
		int partStart = start;
		while (true) {
			char c = next();
			if (c == '\\') {
				appendUtf8(escaped, this.input.substring(partStart, this.pos - 1));
				readEscape(escaped);
				hasEscapes = true;
				partStart = this.pos;
				continue;
			}
			boolean quote = c == '\'';
			if (quote || isNewLine(c) || c == EOF || c == ';' || c == ',' || c == ']' || c == '}' || c == ' '
					|| c == '\t') {
				if (!quote) {
					backup();
				}
				int end = quote ? this.pos - 1 : this.pos;
				String tail = this.input.substring(partStart, end);
				if (hasEscapes) {
					appendUtf8(escaped, tail);
					return new ConfigValue(escaped.toString(StandardCharsets.UTF_8), location);
				}
				if (!quote && isBoolean(tail)) {
					return new ConfigValue(isTrue(tail), location);
				}
				if (!quote && tail.startsWith("$")) {
					return resolveVariable(tail.substring(1), locationOf(start + 1));
				}
				return new ConfigValue(tail, location);
			}
		}
	}

	private void readEscape(ByteArrayOutputStream text) {
		char c = next();
		switch (c) {
			case 'x' -> readHexEscape(text);
			case 't' -> text.write('\t');
			case 'n' -> text.write('\n');
			case 'r' -> text.write('\r');
			case '"' -> text.write('"');
			case '\\' -> text.write('\\');
			default -> throw syntaxError("Invalid escape character '" + describe(c) + "'. Only the following escape"
					+ " characters are allowed: \\xXX, \\t, \\n, \\r, \\\", \\\\.");
		}
	}

	private void readHexEscape(ByteArrayOutputStream text) {
		for (int i = 0; i < 2; i++) {
			if (isNewLine(next())) {
				throw syntaxError("Expected two hexadecimal digits after '\\x', but hit end of line");
			}
		}
		String digits = this.input.substring(Math.max(0, this.pos - 2), this.pos);
		int high = Character.digit(digits.charAt(0), 16);
		int low = (digits.length() > 1) ? Character.digit(digits.charAt(1), 16) : -1;
		if (high < 0 || low < 0) {
			throw syntaxError("Expected two hexadecimal digits after '\\x', but got '" + digits + "'");
		}
		text.write(high * 16 + low);
	}

	private ConfigValue readBlock() {
		int start = this.pos;
		ConfigLocation location = here();
		while (true) {
			char c = next();
			if (c == EOF) {
				throw syntaxError("Unexpected EOF processing block.");
			}
			boolean closesBlock = c == ')' && this.pos - 2 >= 0 && this.input.charAt(this.pos - 2) == '\n';
			if (closesBlock) {
				char after = peek();
				if (after == '\n') {
					String text = this.input.substring(start, this.pos - 1);
					return new ConfigValue(text, location);
				}
				if (after == EOF) {
					// nats-server keeps the parenthesis when the block closes the file
					return new ConfigValue(this.input.substring(start, this.pos), location);
				}
			}
		}
	}

	private ConfigValue readNumberOrDateOrString() {
		int start = this.pos;
		next();
		while (true) {
			char c = next();
			if (c == '-') {
				if (this.pos - start != 5) {
					throw syntaxError("All ISO8601 dates must be in full Zulu form.");
				}
				return readDateAfterYear(start);
			}
			if (Character.isDigit(c)) {
				continue;
			}
			if (c == '.') {
				return readFloatOrAddress(start);
			}
			if (isSizeSuffix(c)) {
				return readSizedNumber(start);
			}
			if (!isNumberEnd(c)) {
				return readBareString(start, new ByteArrayOutputStream(), false);
			}
			backup();
			return integer(start);
		}
	}

	private ConfigValue readNegativeNumber() {
		int start = this.pos - 1;
		char first = next();
		if (!Character.isDigit(first)) {
			if (first == '.') {
				throw syntaxError("Floats must start with a digit, not '.'.");
			}
			throw syntaxError("Expected a digit but got '" + describe(first) + "'.");
		}
		while (true) {
			char c = next();
			if (Character.isDigit(c)) {
				continue;
			}
			if (c == '.') {
				return readFloatOrAddress(start);
			}
			if (isSizeSuffix(c)) {
				return readSizedNumber(start);
			}
			backup();
			return integer(start);
		}
	}

	private ConfigValue readSizedNumber(int start) {
		char c;
		do {
			c = next();
		}
		while (c == 'b' || c == 'B' || c == 'i' || c == 'I');
		backup();
		if (isNumberEnd(c) || Character.isDigit(c)) {
			return integer(start);
		}
		return readBareString(start, new ByteArrayOutputStream(), false);
	}

	private ConfigValue readFloatOrAddress(int start) {
		char first = next();
		if (!Character.isDigit(first)) {
			throw syntaxError("Floats must have a digit after the '.', but got '" + describe(first) + "' instead.");
		}
		while (true) {
			char c = next();
			if (Character.isDigit(c)) {
				continue;
			}
			if (c == '.') {
				return readAddress(start);
			}
			backup();
			String text = this.input.substring(start, this.pos);
			double value = Double.parseDouble(text);
			if (Double.isInfinite(value)) {
				throw new ConfigSyntaxException("float '" + text + "' is out of the range");
			}
			return new ConfigValue(value, locationOf(start));
		}
	}

	// digits with more dots, colons and dashes, like 127.0.0.1:4222, are a string
	private ConfigValue readAddress(int start) {
		while (true) {
			char c = next();
			if (!(Character.isDigit(c) || c == '.' || c == ':' || c == '-')) {
				backup();
				return new ConfigValue(this.input.substring(start, this.pos), locationOf(start));
			}
		}
	}

	private ConfigValue readDateAfterYear(int start) {
		for (int i = 0; i < DATE_SHAPE.length(); i++) {
			char expected = DATE_SHAPE.charAt(i);
			char c = next();
			if (expected == '0') {
				if (!Character.isDigit(c)) {
					throw syntaxError("Expected digit in ISO8601 datetime, but found '" + describe(c) + "' instead.");
				}
			}
			else if (c != expected) {
				throw syntaxError("Expected '" + expected + "' in ISO8601 datetime, but found '" + describe(c)
						+ "' instead.");
			}
		}
		String text = this.input.substring(start, this.pos);
		try {
			return new ConfigValue(LocalDateTime.parse(text, ZULU).toInstant(ZoneOffset.UTC), locationOf(start));
		}
		catch (DateTimeParseException ex) {
			throw new ConfigSyntaxException("expected Zulu formatted DateTime, but got '" + text + "'");
		}
	}

	/** The integer of {@code [start, pos)}: digits, then an optional size suffix. */
	private ConfigValue integer(int start) {
		String text = this.input.substring(start, this.pos);
		int digits = 0;
		while (digits < text.length() && (Character.isDigit(text.charAt(digits)) || text.charAt(digits) == '-')) {
			digits++;
		}
		long number;
		try {
			number = Long.parseLong(text.substring(0, digits));
		}
		catch (NumberFormatException ex) {
			boolean outOfRange = text.substring(0, digits).matches("-?[0-9]+");
			throw new ConfigSyntaxException(
					outOfRange ? "integer '" + text + "' is out of the range" : "expected integer, but got '" + text + "'");
		}
		Long multiplier = sizeMultiplier(text.substring(digits).trim().toLowerCase(Locale.ROOT));
		if (multiplier == null) {
			return null;
		}
		return new ConfigValue(number * multiplier, locationOf(start));
	}

	private static Long sizeMultiplier(String suffix) {
		return switch (suffix) {
			case "" -> 1L;
			case "k" -> 1000L;
			case "kb", "ki", "kib" -> 1L << 10;
			case "m" -> 1000_000L;
			case "mb", "mi", "mib" -> 1L << 20;
			case "g" -> 1000_000_000L;
			case "gb", "gi", "gib" -> 1L << 30;
			case "t" -> 1000_000_000_000L;
			case "tb", "ti", "tib" -> 1L << 40;
			case "p" -> 1000_000_000_000_000L;
			case "pb", "pi", "pib" -> 1L << 50;
			case "e" -> 1000_000_000_000_000_000L;
			case "eb", "ei", "eib" -> 1L << 60;
			default -> null;
		};
	}

	// ---- variables and includes ----

	private ConfigValue resolveVariable(String name, ConfigLocation reference) {
		if (name.startsWith(BCRYPT_PREFIX)) {
			// a bcrypt hash written bare ($2a$11$...) is not a reference
			return new ConfigValue("$" + name, reference);
		}
		for (Map<String, ConfigValue> scope : this.scopes) {
			ConfigValue defined = scope.get(name);
			if (defined != null) {
				defined.markUsedAsVariable();
				return defined.at(reference);
			}
		}
		String fromEnvironment = this.environment.apply(name);
		if (fromEnvironment == null) {
			throw new ConfigSyntaxException(
					"variable reference for '" + name + "' on line " + reference.line() + " can not be found");
		}
		Map<String, ConfigValue> parsed;
		try {
			parsed = parseText(ENVIRONMENT_KEY + "=" + fromEnvironment, this.environment);
		}
		catch (ConfigSyntaxException ex) {
			throw new ConfigSyntaxException("variable reference for '" + name + "' on line " + reference.line()
					+ " could not be parsed: " + ex.getMessage());
		}
		ConfigValue value = parsed.get(ENVIRONMENT_KEY);
		if (value == null) {
			throw new ConfigSyntaxException(
					"variable reference for '" + name + "' on line " + reference.line() + " can not be found");
		}
		return value.at(reference);
	}

	private void include(Map<String, ConfigValue> target) {
		while (peek() == ' ' || peek() == '\t') {
			next();
		}
		String path = readIncludePath();
		String file = goJoin(this.directory, path);
		Map<String, ConfigValue> included;
		try {
			if (this.includeDepth >= MAX_INCLUDE_DEPTH) {
				throw new ConfigSyntaxException("includes nested more than " + MAX_INCLUDE_DEPTH
						+ " files deep, the file probably includes itself");
			}
			included = parseFile(file, this.environment, this.includeDepth + 1);
		}
		catch (ConfigSyntaxException ex) {
			throw new ConfigSyntaxException("error parsing include file '" + path + "', " + ex.getMessage());
		}
		included.forEach((key, value) -> put(target, key, value));
	}

	private String readIncludePath() {
		char c = next();
		if (c == '\'' || c == '"') {
			int start = this.pos;
			while (true) {
				char d = next();
				if (d == c) {
					return this.input.substring(start, this.pos - 1);
				}
				if (d == EOF) {
					throw syntaxError((c == '"') ? "Unexpected EOF in double quoted include"
							: "Unexpected EOF in quoted include");
				}
			}
		}
		switch (c) {
			case '[' -> throw syntaxError("Expected include value but found start of an array");
			case '{' -> throw syntaxError("Expected include value but found start of a map");
			case '(' -> throw syntaxError("Expected include value but found start of a block");
			case '\\' -> throw syntaxError("Expected include value but found escape sequence");
			default -> {
			}
		}
		if (Character.isDigit(c) || c == '-') {
			throw syntaxError("Expected include value but found start of a number");
		}
		if (isNewLine(c)) {
			throw syntaxError("Expected include value but found new line");
		}
		backup();
		int start = this.pos;
		while (true) {
			char d = next();
			if (isNewLine(d) || d == EOF || d == ';' || d == '}' || d == ' ' || d == '\t') {
				backup();
				return this.input.substring(start, this.pos);
			}
			if (d == '\'') {
				return this.input.substring(start, this.pos - 1);
			}
		}
	}

	// a later definition of a key replaces the earlier one
	private static void put(Map<String, ConfigValue> target, String key, ConfigValue value) {
		target.remove(key);
		target.put(key, value);
	}

	// ---- characters ----

	private char next() {
		if (this.pos >= this.input.length()) {
			this.width = 0;
			return EOF;
		}
		char c = this.input.charAt(this.pos);
		if (c == '\n') {
			this.line++;
			this.lineStart = this.pos;
		}
		this.pos++;
		this.width = 1;
		return c;
	}

	// steps back over what next() read: nothing at the end of the input
	private void backup() {
		if (this.width == 0) {
			return;
		}
		this.pos--;
		if (this.input.charAt(this.pos) == '\n') {
			this.line--;
			this.lineStart = previousLineStart(this.pos);
		}
	}

	private int previousLineStart(int newline) {
		int previous = this.input.lastIndexOf('\n', newline - 1);
		return Math.max(previous, 0);
	}

	private char peek() {
		return (this.pos < this.input.length()) ? this.input.charAt(this.pos) : EOF;
	}

	private void skipComment() {
		while (!isNewLine(peek()) && peek() != EOF) {
			next();
		}
	}

	private ConfigLocation here() {
		return locationOf(this.pos);
	}

	private ConfigLocation locationOf(int index) {
		return new ConfigLocation(this.fileName, this.line, index - this.lineStart);
	}

	private ConfigSyntaxException syntaxError(String message) {
		return new ConfigSyntaxException("Parse error on line " + this.line + ": '" + message + "'");
	}

	private static boolean isNumberEnd(char c) {
		return isNewLine(c) || c == EOF || c == '}' || c == ';' || c == ',' || c == ' ' || c == '\t';
	}

	private static boolean isSizeSuffix(char c) {
		return "kKmMgGtTpPeE".indexOf(c) >= 0;
	}

	private static boolean isKeySeparator(char c) {
		return c == '=' || c == ':';
	}

	private static boolean isNewLine(char c) {
		return c == '\n' || c == '\r';
	}

	// Go's unicode.IsSpace
	private static boolean isUnicodeSpace(char c) {
		if (c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u00a0') {
			return true;
		}
		int type = Character.getType(c);
		return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}

	private static boolean isBoolean(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		return isTrue(lower) || lower.equals("false") || lower.equals("no") || lower.equals("off");
	}

	private static boolean isTrue(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		return lower.equals("true") || lower.equals("yes") || lower.equals("on");
	}

	// nats-server shows a new line as \n in its messages, the end of the input as a NUL character
	private static String describe(char c) {
		return (c == '\n') ? "\\n" : String.valueOf(c);
	}

	private static void appendUtf8(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Go's {@code filepath.Dir}: the directory part, {@code .} when there is none. */
	static String goDirectory(String file) {
		int slash = file.lastIndexOf('/');
		if (slash < 0) {
			return ".";
		}
		return (slash == 0) ? "/" : file.substring(0, slash);
	}

	/** Go's {@code filepath.Join}: an absolute second part is joined too, and the result cleaned. */
	static String goJoin(String directory, String path) {
		Path joined = Path.of(directory + "/" + path).normalize();
		String text = joined.toString();
		return text.isEmpty() ? "." : text;
	}

	static String openError(String file, IOException ex) {
		String reason;
		if (ex instanceof NoSuchFileException) {
			reason = "no such file or directory";
		}
		else if (ex instanceof AccessDeniedException) {
			reason = "permission denied";
		}
		else if (Files.isDirectory(Path.of(file))) {
			return "read " + file + ": is a directory";
		}
		else {
			reason = String.valueOf(ex.getMessage());
		}
		return "open " + file + ": " + reason;
	}

	private record Key(String name, ConfigLocation location) {
	}

	/** nats-server stops at an empty quoted key or string cut off by the end of the file, keeping what it read. */
	private static final class EndOfDocument extends RuntimeException {

		private static final long serialVersionUID = 1L;

		EndOfDocument() {
			super(null, null, false, false);
		}
	}
}
