package io.github.natsspring.broker.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The configuration grammar as nats-server 2.9.10 reads it: what each piece of text becomes, where it is placed,
 * and the message for text it refuses. {@code ConfigFileParityTests} compares the refusals with nats-server's own.
 */
class ConfigParserTests {

	private static final UnaryOperator<String> NO_ENVIRONMENT = (name) -> null;

	@TempDir
	Path dir;

	@Test
	void keysAndValuesAreSeparatedByEqualsColonOrWhiteSpace() {
		Map<String, ConfigValue> entries = parse("a = 1\nb: 2\nc 3\nd=4; e:5, f 6\n");
		assertThat(values(entries)).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("c", 3L),
				Map.entry("d", 4L), Map.entry("e", 5L), Map.entry("f", 6L));
	}

	@Test
	void commentsRunToTheEndOfTheLine() {
		Map<String, ConfigValue> entries = parse("# one\n// two\na: 1 # three\nb: 2 // four\n");
		assertThat(values(entries)).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
	}

	@Test
	void integersTakeDecimalAndBinarySizeSuffixes() {
		Map<String, ConfigValue> entries = parse("a: 1k\nb: 1KB\nc: 2mb\nd: 3G\ne: 1gib\nf: -2k\ng: 1ki\n");
		assertThat(values(entries)).containsExactly(Map.entry("a", 1000L), Map.entry("b", 1024L),
				Map.entry("c", 2L << 20), Map.entry("d", 3_000_000_000L), Map.entry("e", 1L << 30),
				Map.entry("f", -2000L), Map.entry("g", 1024L));
	}

	@Test
	void anIntegerWithAnUnknownSuffixIsDroppedAsByNatsServer() {
		assertThat(parse("a: 1kbb\nb: 1\n")).containsOnlyKeys("b");
	}

	@Test
	void floatsBooleansAddressesAndDatesHaveTheirTypes() {
		Map<String, ConfigValue> entries = parse(
				"a: 1.5\nb: yes\nc: Off\nd: 127.0.0.1:4222\ne: 2020-01-02T03:04:05Z\nf: -0.5\n");
		assertThat(values(entries)).containsExactly(Map.entry("a", 1.5), Map.entry("b", true), Map.entry("c", false),
				Map.entry("d", "127.0.0.1:4222"), Map.entry("e", Instant.parse("2020-01-02T03:04:05Z")),
				Map.entry("f", -0.5));
	}

	@Test
	void aBareValueStartingWithADigitIsAStringOnceALetterFollows() {
		assertThat(parse("a: 3secret\nb: 4222#x\n").get("a").value()).isEqualTo("3secret");
		assertThat(parse("b: 4222#x\n").get("b").value()).isEqualTo("4222#x");
	}

	@Test
	void doubleQuotedStringsHaveEscapesAndSingleQuotedOnesDoNot() {
		Map<String, ConfigValue> entries = parse("a: \"x\\ty\\n\\\"\\\\\\x41\\xc3\\xa9\"\nb: 'x\\ty'\nc: bare\\tword\n");
		assertThat(values(entries)).containsExactly(Map.entry("a", "x\ty\n\"\\Aé"), Map.entry("b", "x\\ty"),
				Map.entry("c", "bare\tword"));
	}

	@Test
	void quotedValuesAreNeverBooleansOrVariables() {
		Map<String, ConfigValue> entries = parse("a: \"true\"\nb: '$X'\n");
		assertThat(values(entries)).containsExactly(Map.entry("a", "true"), Map.entry("b", "$X"));
	}

	@Test
	void aBlockRunsToAClosingParenthesisAtTheStartOfALine() {
		assertThat(parse("a: (\nline (1)\n)\nb: 2\n").get("a").value()).isEqualTo("\nline (1)\n");
	}

	@Test
	void mapsAndArraysNest() {
		Map<String, ConfigValue> entries = parse("a {\n b: [1, \"x\", { c: true } ]\n d = { e: f }\n}\n");
		Map<String, ConfigValue> a = ConfigValues.map(entries.get("a"));
		List<ConfigValue> b = ConfigValues.list(a.get("b"));
		assertThat(b).extracting(ConfigValue::value).startsWith(1L, "x");
		assertThat(ConfigValues.map(b.get(2)).get("c").value()).isEqualTo(true);
		assertThat(ConfigValues.map(a.get("d")).get("e").value()).isEqualTo("f");
	}

	@Test
	void arraysTakeNewLinesAsSeparatorsAndComments() {
		List<ConfigValue> array = ConfigValues.list(parse("a: [\n  x # one\n  y\n]\n").get("a"));
		assertThat(array).extracting(ConfigValue::value).containsExactly("x", "y");
	}

	@Test
	void anIntegerRightBeforeTheClosingBracketRunsOnAsAStringAsInNatsServer() {
		assertThatExceptionOfType(ConfigSyntaxException.class).isThrownBy(() -> parse("a: [1, 2]\nb: 1\n"))
			.withMessage("Parse error on line 2: 'Expected an array value terminator \",\" or an array terminator"
					+ " \"]\", but got '1' instead.'");
		assertThat(ConfigValues.list(parse("a: [1, 2 ]\n").get("a"))).extracting(ConfigValue::value)
			.containsExactly(1L, 2L);
	}

	@Test
	void aValueMayFollowOnTheNextLineInAMapButNotAtTheTop() {
		assertThat(ConfigValues.map(parse("a {\n b:\n  1\n}\n").get("a")).get("b").value()).isEqualTo(1L);
		assertThatExceptionOfType(ConfigSyntaxException.class).isThrownBy(() -> parse("b:\n 1\n"))
			.withMessage("Parse error on line 2: 'Expected value but found new line'");
	}

	@Test
	void entriesArePlacedAtTheirKeyCountingColumnsAsNatsServerDoes() {
		Map<String, ConfigValue> entries = parse("a: 1\n  b: 2\nc {\n   d: 3\n}\n");
		assertThat(entries.get("a").location()).isEqualTo(new ConfigLocation("", 1, 0));
		assertThat(entries.get("b").location()).isEqualTo(new ConfigLocation("", 2, 3));
		assertThat(ConfigValues.map(entries.get("c")).get("d").location()).isEqualTo(new ConfigLocation("", 4, 4));
	}

	@Test
	void arrayElementsArePlacedWhereTheyStart() {
		List<ConfigValue> array = ConfigValues.list(parse("a: [ x, \"y\" ]\n").get("a"));
		assertThat(array).extracting(ConfigValue::location)
			.containsExactly(new ConfigLocation("", 1, 5), new ConfigLocation("", 1, 9));
	}

	@Test
	void aLaterKeyReplacesAnEarlierOne() {
		assertThat(values(parse("a: 1\nb: 2\na: 3\n"))).containsExactly(Map.entry("b", 2L), Map.entry("a", 3L));
	}

	@Test
	void variablesResolveInTheInnermostMapFirst() {
		Map<String, ConfigValue> entries = parse("X = outer\na {\n X = inner\n b: $X\n}\nc: $X\n");
		assertThat(ConfigValues.map(entries.get("a")).get("b").value()).isEqualTo("inner");
		assertThat(entries.get("c").value()).isEqualTo("outer");
	}

	@Test
	void aReferencedDefinitionIsMarkedAsAVariable() {
		Map<String, ConfigValue> entries = parse("X = 1\nY = 2\nz: $X\n");
		assertThat(entries.get("X").isUsedAsVariable()).isTrue();
		assertThat(entries.get("Y").isUsedAsVariable()).isFalse();
		assertThat(entries.get("z").isUsedAsVariable()).isFalse();
	}

	@Test
	void aVariableMayHoldAMap() {
		Map<String, ConfigValue> entries = parse("P = { publish: a }\nu: $P\n");
		assertThat(ConfigValues.map(entries.get("u")).get("publish").value()).isEqualTo("a");
	}

	@Test
	void environmentVariablesAreReadAsConfigurationValues() {
		UnaryOperator<String> environment = Map.of("PORT", "4333", "NAME", "edge", "LIST", "[a, b ]")::get;
		Map<String, ConfigValue> entries = ConfigParser.parseText("p: $PORT\nn: $NAME\nl: $LIST\n", environment);
		assertThat(entries.get("p").value()).isEqualTo(4333L);
		assertThat(entries.get("n").value()).isEqualTo("edge");
		assertThat(ConfigValues.list(entries.get("l"))).extracting(ConfigValue::value).containsExactly("a", "b");
	}

	@Test
	void anUnknownVariableNamesItsLine() {
		assertThatExceptionOfType(ConfigSyntaxException.class).isThrownBy(() -> parse("a: 1\nb: $NOPE\n"))
			.withMessage("variable reference for 'NOPE' on line 2 can not be found");
	}

	@Test
	void anEnvironmentValueThatDoesNotParseIsReported() {
		UnaryOperator<String> environment = Map.of("BAD", "[1, 2]")::get;
		assertThatExceptionOfType(ConfigSyntaxException.class)
			.isThrownBy(() -> ConfigParser.parseText("a: $BAD\n", environment))
			.withMessageStartingWith("variable reference for 'BAD' on line 1 could not be parsed: Parse error on line 1:");
	}

	@Test
	void aBareBcryptHashIsNotAVariable() {
		assertThat(parse("p: $2a$11$abc\n").get("p").value()).isEqualTo("$2a$11$abc");
	}

	@Test
	void includedKeysMergeAtTheIncludeAndKeepTheirPlaceInTheIncludedFile() throws Exception {
		Files.createDirectories(this.dir.resolve("conf"));
		Files.writeString(this.dir.resolve("conf/auth.conf"), "\ntoken: secret\n");
		Path main = this.dir.resolve("main.conf");
		Files.writeString(main, "port: 1\ninclude conf/auth.conf\nname: x\n");
		Map<String, ConfigValue> entries = ConfigParser.parseFile(main.toString(), NO_ENVIRONMENT);
		assertThat(entries).containsOnlyKeys("port", "token", "name");
		assertThat(entries.get("token").location())
			.isEqualTo(new ConfigLocation(this.dir.resolve("conf/auth.conf").toString(), 2, 1));
	}

	@Test
	void aMissingIncludeIsReportedWithGosWording() throws Exception {
		Path main = this.dir.resolve("main.conf");
		Files.writeString(main, "include 'missing.conf'\n");
		assertThatExceptionOfType(ConfigSyntaxException.class)
			.isThrownBy(() -> ConfigParser.parseFile(main.toString(), NO_ENVIRONMENT))
			.withMessage("error parsing include file 'missing.conf', open " + this.dir.resolve("missing.conf")
					+ ": no such file or directory");
	}

	@Test
	void aFileThatIncludesItselfIsRefusedInsteadOfRecursingForever() throws Exception {
		Path main = this.dir.resolve("self.conf");
		Files.writeString(main, "include self.conf\n");
		assertThatExceptionOfType(ConfigSyntaxException.class)
			.isThrownBy(() -> ConfigParser.parseFile(main.toString(), NO_ENVIRONMENT))
			.withMessageEndingWith("includes nested more than 32 files deep, the file probably includes itself");
	}

	@Test
	void anEmptyQuotedStringCutOffByTheEndOfTheFileEndsTheDocument() {
		assertThat(parse("a: 1\nb: \"")).containsOnlyKeys("a");
	}

	@Test
	void syntaxErrorsNameTheLineAndWhatWasFound() {
		assertThatExceptionOfType(ConfigSyntaxException.class).isThrownBy(() -> parse("a { b: 1"))
			.withMessage("Parse error on line 1: 'Expected a map value terminator \",\" or a map terminator \"}\","
					+ " but got '\u0000' instead.'");
		assertThatExceptionOfType(ConfigSyntaxException.class).isThrownBy(() -> parse("a { b: 1\n"))
			.withMessage("Parse error on line 2: 'Unexpected EOF processing map.'");
		assertThatExceptionOfType(ConfigSyntaxException.class).isThrownBy(() -> parse("a: \"\\q\"\n"))
			.withMessageContaining("Invalid escape character 'q'.");
		assertThatExceptionOfType(ConfigSyntaxException.class).isThrownBy(() -> parse("a: 99999999999999999999\n"))
			.withMessage("integer '99999999999999999999' is out of the range");
	}

	private static Map<String, ConfigValue> parse(String text) {
		return ConfigParser.parseText(text, NO_ENVIRONMENT);
	}

	private static List<Map.Entry<String, Object>> values(Map<String, ConfigValue> entries) {
		return entries.entrySet().stream().map((entry) -> Map.entry(entry.getKey(), entry.getValue().value())).toList();
	}
}
