package vn.hoinghi.orchestrator.sites;

/** What a site is in the Ministry: HQ, a department of it, a provincial Department of Justice (Sở Tư pháp), a provincial or regional civil-judgment-enforcement office (THADS), or a commune. */
public enum SiteKind {
    HQ, DEPARTMENT, PROVINCE_JUSTICE, PROVINCE_THADS, REGIONAL_THADS, COMMUNE
}
