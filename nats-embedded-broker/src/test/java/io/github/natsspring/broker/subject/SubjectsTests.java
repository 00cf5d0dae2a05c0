package io.github.natsspring.broker.subject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subject rules. The rows of the validity, control character and delivery tables were checked against
 * nats-server 2.9.10 over a raw socket: {@code SUB <subject> 1} answered {@code -ERR 'Invalid Subject'} or
 * nothing, a pedantic {@code PUB <subject> 0} answered {@code -ERR 'Invalid Publish Subject'} or nothing, and a
 * non-pedantic publish was delivered to the subscription exactly when marked. Control characters are written as
 * Java escapes; nats-server accepted every one of them. The empty subject cannot reach the check on the wire
 * ({@code SUB  1} has too few arguments and closes the connection) and counts as invalid here.
 */
class SubjectsTests {

	@ParameterizedTest(name = "[{0}] subscribe={1} publish={2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			foo          | true  | true
			foo.bar      | true  | true
			foo.*        | true  | false
			*            | true  | false
			>            | true  | false
			foo.>        | true  | false
			foo.*.>      | true  | false
			*.*          | true  | false
			*.>          | true  | false
			>.>          | false | false
			foo.>.bar    | false | false
			>.foo        | false | false
			foo..bar     | false | false
			.foo         | false | false
			foo.         | false | false
			foo.bar.     | false | false
			.            | false | false
			..           | false | false
			""           | false | false
			foo*         | true  | true
			*foo         | true  | true
			f*o          | true  | true
			foo>         | true  | true
			>foo         | true  | true
			foo.*bar     | true  | true
			foo.**       | true  | true
			foo.>>       | true  | true
			**           | true  | true
			>>           | true  | true
			$SYS.foo     | true  | true
			_INBOX.abc   | true  | true
			a-b_c~d/e:f  | true  | true
			é.ü          | true  | true
			""")
	void subjectValidityMatchesNatsServer(String subject, boolean subscribable, boolean publishable) {
		assertThat(Subjects.isValidSubscribeSubject(subject)).as("subscribe").isEqualTo(subscribable);
		assertThat(Subjects.isValidPublishSubject(subject)).as("pedantic publish").isEqualTo(publishable);
	}

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(quoteCharacter = '"', textBlock = """
			"foo\fbar"
			"\f"
			"foo.\f"
			"foo.\f.bar"
			"foo\u000Bbar"
			"foo\u0000bar"
			"foo\u0001"
			"foo\u007F"
			""")
	void controlCharactersInsideTokensAreAcceptedLikeNatsServerDoes(String subject) {
		assertThat(Subjects.isValidSubscribeSubject(subject)).isTrue();
		assertThat(Subjects.isValidPublishSubject(subject)).isTrue();
	}

	@ParameterizedTest(name = "[{0}] literal={1}")
	@CsvSource(delimiter = '|', textBlock = """
			foo.bar   | true
			foo*.bar  | true
			foo.>x    | true
			*         | false
			>         | false
			foo.*     | false
			*.foo     | false
			foo.*.bar | false
			foo.>     | false
			foo..bar  | true
			""")
	void literalSubjectsHaveNoWildcardToken(String subject, boolean literal) {
		assertThat(Subjects.isLiteral(subject)).isEqualTo(literal);
	}

	@ParameterizedTest(name = "publish [{1}] reaches [{0}]: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			>      | a       | true
			*      | a       | true
			a.*    | a       | false
			a.>    | a       | false
			>      | a.b     | true
			*      | a.b     | false
			a.*    | a.b     | true
			a.>    | a.b     | true
			*.*    | a.b     | true
			a.*.b  | a.b     | false
			*.b    | a.b     | true
			a.b    | a.b     | true
			*.*.*  | a.b     | false
			a.*    | a.*     | true
			*.*    | a.*     | true
			a.>    | a.*     | true
			>      | a.*     | true
			a.b    | a.*     | false
			*.b    | a.*     | false
			a.*    | a.>     | true
			a.>    | a.>     | true
			*.*    | a.>     | true
			a.b    | a.>     | false
			*      | *       | true
			>      | *       | true
			*      | >       | true
			>      | >       | true
			*.*    | *.*     | true
			a.*    | *.*     | false
			foo*   | foo*    | true
			*      | foo*    | true
			>      | foo*    | true
			foo    | foo*    | false
			>      | a.b.c   | true
			*.*.*  | a.b.c   | true
			a.>    | a.b.c   | true
			a.*    | a.b.c   | false
			a.*.b  | a.*.b   | true
			*.*.*  | a.*.b   | true
			a.>    | a.*.b   | true
			>      | a..b    | false
			*.*.*  | a..b    | false
			a.>    | a..b    | false
			>      | .a      | false
			*.a    | .a      | false
			>      | a.      | false
			a.>    | a.      | false
			a.*    | a.      | false
			>      | .       | false
			""")
	void publishedSubjectReachesTheSubscriptionsNatsServerDeliversTo(String pattern, String subject,
			boolean reached) {
		assertThat(Subjects.matches(pattern, subject)).isEqualTo(reached);
	}

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(quoteCharacter = '"', textBlock = """
			"foo\fbar"
			""")
	void subjectWithControlCharacterIsMatchedLiterally(String subject) {
		assertThat(Subjects.matches(subject, subject)).isTrue();
		assertThat(Subjects.matches("*", subject)).isTrue();
		assertThat(Subjects.matches("foo", subject)).isFalse();
	}


	@Test
	void aSubjectLiesWithinAPatternWhenEverySubjectItStandsForMatchesThePattern() {
		assertThat(Subjects.isWithin("a.b", "a.*")).isTrue();
		assertThat(Subjects.isWithin("a.*", "a.*")).isTrue();
		assertThat(Subjects.isWithin("a.*", "a.>")).isTrue();
		assertThat(Subjects.isWithin("a.b.c", ">")).isTrue();
		assertThat(Subjects.isWithin("a.>", "a.*")).isFalse();
		assertThat(Subjects.isWithin("a.*", "a.b")).isFalse();
		assertThat(Subjects.isWithin("a.b", "a.b.c")).isFalse();
		assertThat(Subjects.isWithin("a.b.c", "a.b")).isFalse();
		assertThat(Subjects.isWithin("a.b", "a.c")).isFalse();
	}
}
