package vn.hoinghi.orchestrator.sites;

/** How a site reaches the media servers: the government WAN or the public internet. */
public enum NetworkKind {
    GOV_WAN, INTERNET
}
