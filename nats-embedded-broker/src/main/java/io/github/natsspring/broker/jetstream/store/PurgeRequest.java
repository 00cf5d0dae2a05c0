package io.github.natsspring.broker.jetstream.store;

/**
 * What a purge removes, the body of a {@code STREAM.PURGE} request: everything, or the messages on a subject
 * filter, below a sequence, or all but the newest few.
 *
 * @param filter the subject filter messages must match, {@code null} for all
 * @param belowSequence remove only messages with a lower sequence; 0 for no bound
 * @param keep keep this many of the newest matching messages; 0 to keep none
 */
public record PurgeRequest(String filter, long belowSequence, long keep) {

	private static final PurgeRequest ALL = new PurgeRequest(null, 0, 0);

	/**
	 * Checks the request as nats-server does.
	 * @throws IllegalArgumentException for a negative bound or count, or both a sequence and a keep count
	 */
	public PurgeRequest {
		if (belowSequence < 0 || keep < 0) {
			throw new IllegalArgumentException("seq and keep must not be negative");
		}
		if (belowSequence > 1 && keep > 0) {
			throw new IllegalArgumentException("sequence > 1 && keep > 0 not allowed");
		}
	}

	/**
	 * Removes every message.
	 * @return a request for a full purge
	 */
	public static PurgeRequest all() {
		return ALL;
	}

	/**
	 * Removes every message whose subject matches the filter.
	 * @param filter a subject, possibly with wildcards
	 * @return a purge of the filter
	 */
	public static PurgeRequest subject(String filter) {
		return new PurgeRequest(filter, 0, 0);
	}

	/**
	 * Removes every message with a lower sequence.
	 * @param sequence the first sequence kept
	 * @return a purge up to the sequence
	 */
	public static PurgeRequest below(long sequence) {
		return new PurgeRequest(null, sequence, 0);
	}

	/**
	 * Removes all but the newest messages.
	 * @param count how many of the newest to keep
	 * @return a purge keeping {@code count}
	 */
	public static PurgeRequest keep(long count) {
		return new PurgeRequest(null, 0, count);
	}

	/**
	 * The same request restricted to a subject filter.
	 * @param filter a subject, possibly with wildcards
	 * @return a request on that filter
	 */
	public PurgeRequest onSubject(String filter) {
		return new PurgeRequest(filter, this.belowSequence, this.keep);
	}

	/**
	 * Whether this removes everything with no condition.
	 * @return {@code true} for a full purge
	 */
	public boolean isAll() {
		return Filters.isAll(this.filter) && this.belowSequence <= 1 && this.keep == 0;
	}
}
