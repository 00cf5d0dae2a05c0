package io.github.natsspring.broker.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting of local interest as nats-server coalesces it for routes. */
class LocalInterestTests {

	private final LocalInterest interest = new LocalInterest();

	@Test
	void aPlainSubjectCountsEverySubscriber() {
		this.interest.added("$G", "foo", null);
		this.interest.added("$G", "foo", null);

		assertThat(this.interest.count("$G", "foo", null)).isEqualTo(2);
	}

	@Test
	void aSubjectWithoutSubscribersIsForgotten() {
		this.interest.added("$G", "foo", null);
		this.interest.removed("$G", "foo", null);

		assertThat(this.interest.count("$G", "foo", null)).isZero();
	}

	@Test
	void queueGroupsCountApartFromPlainSubscribersAndFromEachOther() {
		this.interest.added("$G", "foo", null);
		this.interest.added("$G", "foo", "q");
		this.interest.added("$G", "foo", "q");
		this.interest.added("$G", "foo", "r");

		assertThat(this.interest.count("$G", "foo", null)).isEqualTo(1);
		assertThat(this.interest.count("$G", "foo", "q")).isEqualTo(2);
		assertThat(this.interest.count("$G", "foo", "r")).isEqualTo(1);
	}

	@Test
	void accountsCountApart() {
		this.interest.added("$G", "foo", null);
		this.interest.added("OTHER", "foo", null);
		this.interest.removed("OTHER", "foo", null);

		assertThat(this.interest.count("$G", "foo", null)).isEqualTo(1);
		assertThat(this.interest.count("OTHER", "foo", null)).isZero();
	}

	@Test
	void removingWhatWasNeverAddedChangesNothing() {
		this.interest.removed("$G", "foo", null);

		assertThat(this.interest.count("$G", "foo", null)).isZero();
	}
}
