package vn.hoinghi.orchestrator.sites;

/** The three regions; each has its own media fleet and capacity ledger. */
public enum Region {
    NORTH, CENTRAL, SOUTH
}
