package io.github.natsspring.broker.monitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code /connz}'s query is read, defaulted and checked as nats-server 2.9.10 does, in its order. */
class ConnzQueryTests {

	@Test
	void noQueryMeansOpenConnectionsByCidInPagesOf1024() {
		assertThat(query("/connz")).isEqualTo(new ConnzQuery(ConnectionSort.CID, false, false, false, 0, 1024, 0,
				ConnectionState.OPEN, "", ""));
	}

	@Test
	void valuesAreReadAndOutOfRangeOnesDefaulted() {
		assertThat(query("/connz?sort=bytes_to&auth=1&subs=true&offset=-3&limit=0&state=ANY"))
			.isEqualTo(new ConnzQuery(ConnectionSort.BYTES_TO, true, true, false, 0, 1024, 0, ConnectionState.ALL, "",
					""));
	}

	@Test
	void subsDetailAsksForSubscriptionDetailsInsteadOfSubjects() {
		assertThat(query("/connz?subs=DETAIL")).extracting(ConnzQuery::subscriptions, ConnzQuery::subscriptionsDetail)
			.containsExactly(false, true);
	}

	@Test
	void userAndAccountFiltersAreRead() {
		assertThat(query("/connz?user=alice&acc=$G")).extracting(ConnzQuery::user, ConnzQuery::account)
			.containsExactly("alice", "$G");
	}

	@Test
	void aCidShowsOneConnection() {
		assertThat(query("/connz?cid=7&limit=50")).extracting(ConnzQuery::cid, ConnzQuery::limit)
			.containsExactly(7L, 1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "cid", "start", "subs", "pending", "msgs_to", "msgs_from", "bytes_to", "bytes_from",
			"last", "idle", "uptime" })
	void everySortOptionOfNatsServerIsKnown(String option) {
		assertThat(query("/connz?sort=" + option).sort().option()).isEqualTo(option);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/connz?sort=stop                     | sort by stop only valid on closed connections
			/connz?sort=reason&state=open        | sort by reason only valid on closed connections
			/connz?sort=nope&auth=maybe          | Error decoding boolean for 'auth': strconv.ParseBool: parsing "maybe": invalid syntax
			/connz?sort=nope&state=gone          | Error decoding state for gone
			/connz?sort=nope                     | invalid sorting option: nope
			/connz?offset=9223372036854775808    | Error decoding int for 'offset': strconv.Atoi: parsing "9223372036854775808": value out of range
			/connz?cid=%2B1                      | Error decoding uint64 for 'cid': strconv.ParseUint: parsing "+1": invalid syntax
			/connz?cid=+1                        | Error decoding uint64 for 'cid': strconv.ParseUint: parsing " 1": invalid syntax
			""")
	void theFirstBadValueIsReportedInNatsServersWords(String uri, String message) {
		assertThatExceptionOfType(BadQueryException.class).isThrownBy(() -> query(uri)).withMessage(message);
	}

	@Test
	void sortsByStopAndReasonAreValidOnClosedConnections() {
		assertThat(query("/connz?sort=stop&state=closed").sort()).isEqualTo(ConnectionSort.STOP);
		assertThat(query("/connz?sort=reason&state=closed").sort()).isEqualTo(ConnectionSort.REASON);
	}

	private static ConnzQuery query(String uri) {
		return ConnzQuery.parse(QueryParameters.parse(uri));
	}
}
