package vn.hoinghi.orchestrator.platform.errors;

/** A message in the two languages HoiNghi speaks; Vietnamese is the default. */
public record Text(String vi, String en) {
    public String in(boolean english) {
        return english ? en : vi;
    }
}
