package io.github.natsspring.broker.leak;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The leaks reported and not yet claimed by a check; any thread may add, e.g. a broker's event loop. */
final class LeakReports {

	private final List<LeakReport> reports = new ArrayList<>();

	synchronized void add(LeakReport report) {
		this.reports.add(report);
	}

	/** Removes and returns the reports that match, leaving the others for a later check. */
	synchronized List<LeakReport> take(Predicate<LeakReport> which) {
		List<LeakReport> taken = new ArrayList<>();
		for (Iterator<LeakReport> it = this.reports.iterator(); it.hasNext();) {
			LeakReport report = it.next();
			if (which.test(report)) {
				taken.add(report);
				it.remove();
			}
		}
		return taken;
	}
}
