package io.github.natsspring.broker.monitor;

/**
 * What a {@code /connz} request asks for, read and checked as nats-server 2.9.10 does, in its order: the values
 * of {@code auth}, {@code subs}, {@code offset}, {@code limit}, {@code cid} and {@code state} first, then the
 * sort option and whether it fits the state.
 *
 * @param sort the order
 * @param auth whether to show the authorized user and account
 * @param subscriptions whether to list subscription subjects ({@code subs=1})
 * @param subscriptionsDetail whether to list subscriptions in detail ({@code subs=detail})
 * @param offset how many connections to skip
 * @param limit how many connections to show at most
 * @param cid the one connection to show, 0 for all
 * @param state open, closed or all connections
 * @param user only the connections of this authenticated user, empty for all
 * @param account only the connections bound to this account, empty for all
 */
record ConnzQuery(ConnectionSort sort, boolean auth, boolean subscriptions, boolean subscriptionsDetail, int offset,
		int limit, long cid, ConnectionState state, String user, String account) {

	/** nats-server's page size when {@code limit} is not given. */
	static final int DEFAULT_LIMIT = 1024;

	/**
	 * Reads the query.
	 * @throws BadQueryException with nats-server's message for the first bad value
	 */
	static ConnzQuery parse(QueryParameters query) {
		String sortOption = query.get("sort");
		boolean auth = query.bool("auth");
		boolean detail = query.get("subs").equalsIgnoreCase("detail");
		boolean subs = !detail && query.bool("subs");
		long offset = query.integer("offset");
		long limit = query.integer("limit");
		long cid = query.unsigned("cid");
		ConnectionState state = ConnectionState.parse(query.get("state"));
		ConnectionSort sort = ConnectionSort.parse(sortOption);
		if (sort.onlyForClosed() && state != ConnectionState.CLOSED) {
			throw new BadQueryException("sort by " + sort.option() + " only valid on closed connections");
		}
		int pageLimit = (limit <= 0) ? DEFAULT_LIMIT : (int) Math.min(limit, Integer.MAX_VALUE);
		if (cid != 0) {
			pageLimit = 1;
		}
		return new ConnzQuery(sort, auth, subs, detail, (int) Math.max(0, Math.min(offset, Integer.MAX_VALUE)),
				pageLimit, cid, state, query.get("user"), query.get("acc"));
	}
}
