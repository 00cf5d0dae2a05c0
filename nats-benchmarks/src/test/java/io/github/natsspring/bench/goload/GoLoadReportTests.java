package io.github.natsspring.bench.goload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GoLoadReportTests {

	@Test
	void throughputLineIsReadWithRequestFiguresAbsentAsZero() {
		GoLoadReport report = GoLoadReport.parse("""
				{"mode":"pubsub","payloadSize":128,"subscribers":4,"published":1000,"expected":4000,"delivered":3990,\
				"lost":10,"elapsedNanos":2500000,"msgsPerSecond":1596000.5,"subscriberCutOffs":1,"disconnects":1,\
				"reconnects":1,"asyncErrors":0,"slowConsumer":false,"clientDropped":0,"lastError":"EOF"}""");

		assertThat(report).isEqualTo(new GoLoadReport("pubsub", 128, 4, 1000, 4000, 3990, 10, 2_500_000, 1596000.5, 0,
				0, 0, 0, 0, 1, 1, 1, 0, false, 0, "EOF", null));
	}

	@Test
	void requestLineCarriesThePercentiles() {
		GoLoadReport report = GoLoadReport.parse("""
				{"mode":"request","payloadSize":128,"published":500,"expected":500,"delivered":499,"lost":1,\
				"requests":500,"timeouts":1,"p50Micros":150.5,"p99Micros":900.25,"p999Micros":3000}""");

		assertThat(report.requests()).isEqualTo(500);
		assertThat(report.timeouts()).isEqualTo(1);
		assertThat(report.p50Micros()).isEqualTo(150.5);
		assertThat(report.p99Micros()).isEqualTo(900.25);
		assertThat(report.p999Micros()).isEqualTo(3000);
	}

	@Test
	void fieldsAddedByANewerGeneratorAreIgnored() {
		GoLoadReport report = GoLoadReport.parse("{\"mode\":\"publish\",\"published\":7,\"newFigure\":[1,2]}");

		assertThat(report.published()).isEqualTo(7);
	}

	@Test
	void slowConsumerFlagIsRead() {
		assertThat(GoLoadReport.parse("{\"mode\":\"overload\",\"slowConsumer\":true}").slowConsumer()).isTrue();
	}

	@Test
	void errorLineFailsWithTheGeneratorsReason() {
		assertThatIllegalStateException()
			.isThrownBy(() -> GoLoadReport.parse("{\"error\":\"-url \\\"nats://10.0.0.1:4222\\\" is not a loopback address\"}"))
			.withMessage("natsload failed: -url \"nats://10.0.0.1:4222\" is not a loopback address");
	}

	@Test
	void missingLineFails() {
		assertThatIllegalStateException().isThrownBy(() -> GoLoadReport.parse(null))
			.withMessageContaining("no result line");
	}

	@Test
	void lineThatIsNotJsonFails() {
		assertThatIllegalStateException().isThrownBy(() -> GoLoadReport.parse("panic: runtime error"))
			.withMessageContaining("panic: runtime error");
	}

	@Test
	void jsonWithoutAModeFails() {
		assertThatIllegalStateException().isThrownBy(() -> GoLoadReport.parse("{\"published\":3}"))
			.withMessageContaining("without a mode");
	}

}
