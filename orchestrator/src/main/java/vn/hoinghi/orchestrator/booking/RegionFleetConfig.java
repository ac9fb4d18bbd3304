package vn.hoinghi.orchestrator.booking;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * {@code hoinghi.fleet.<REGION>.*}: the media nodes a region has. Admission reserves against these counts until
 * provisioning feeds it the live fleet from the breweries.
 */
@EachProperty("hoinghi.fleet")
public class RegionFleetConfig {
    private final String region;
    private int bridges;
    private int visitorNodes;
    private int jibriSip;
    private int jigasi;

    public RegionFleetConfig(@Parameter String region) {
        this.region = region;
    }

    public String getRegion() { return region; }
    public int getBridges() { return bridges; }
    public void setBridges(int v) { bridges = v; }
    public int getVisitorNodes() { return visitorNodes; }
    public void setVisitorNodes(int v) { visitorNodes = v; }
    public int getJibriSip() { return jibriSip; }
    public void setJibriSip(int v) { jibriSip = v; }
    public int getJigasi() { return jigasi; }
    public void setJigasi(int v) { jigasi = v; }
}
