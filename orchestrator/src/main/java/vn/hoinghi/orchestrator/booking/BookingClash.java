package vn.hoinghi.orchestrator.booking;

/** The database refused a hold: another booking won the race for a room system or the host (exclusion constraint). */
public class BookingClash extends RuntimeException {
    public BookingClash(String constraint) {
        super(constraint);
    }
}
