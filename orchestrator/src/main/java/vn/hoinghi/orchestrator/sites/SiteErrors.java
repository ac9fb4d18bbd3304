package vn.hoinghi.orchestrator.sites;

import vn.hoinghi.orchestrator.platform.errors.Text;

/** The directory's error catalogue: reason code → message in both languages. */
final class SiteErrors {
    static final Text REQUIRED = new Text("là bắt buộc", "is required");
    static final Text BAD_CODE = new Text(
            "mã đơn vị chỉ gồm chữ không dấu, số và dấu '-', dài 2–48 ký tự (ví dụ STP-HNI)",
            "a site code is 2–48 ASCII letters, digits and '-' (e.g. STP-HNI)");
    static final Text TOO_LONG = new Text("quá dài (tối đa 200 ký tự)", "is too long (at most 200 characters)");
    static final Text UNKNOWN_KIND = new Text(
            "loại đơn vị không hợp lệ (HQ, DEPARTMENT, PROVINCE_JUSTICE, PROVINCE_THADS, REGIONAL_THADS, COMMUNE)",
            "unknown site kind (HQ, DEPARTMENT, PROVINCE_JUSTICE, PROVINCE_THADS, REGIONAL_THADS, COMMUNE)");
    static final Text UNKNOWN_REGION = new Text("miền không hợp lệ (NORTH, CENTRAL, SOUTH)",
            "unknown region (NORTH, CENTRAL, SOUTH)");
    static final Text UNKNOWN_NETWORK = new Text("loại mạng không hợp lệ (GOV_WAN, INTERNET)",
            "unknown network kind (GOV_WAN, INTERNET)");
    static final Text BAD_KBPS = new Text("băng thông phải từ 64 đến 10.000.000 kbps",
            "bandwidth must be 64 to 10,000,000 kbps");
    static final Text BAD_EMAIL = new Text("địa chỉ email không hợp lệ", "is not a valid e-mail address");
    static final Text BAD_PHONE = new Text("số điện thoại chỉ gồm số, dấu cách, '+', '-', '.', '(' và ')'",
            "a phone number has only digits, spaces and + - . ( )");
    static final Text UNKNOWN_PROTOCOL = new Text("giao thức phải là SIP hoặc H323", "protocol must be SIP or H323");
    static final Text BAD_SIP_URI = new Text("địa chỉ SIP không hợp lệ (dạng sip:phong-hop@ten-mien)",
            "not a valid SIP URI (sip:room@domain)");
    static final Text BAD_H323_ALIAS = new Text(
            "bí danh H.323 không hợp lệ (số E.164, tên@máy hoặc h323:...)",
            "not a valid H.323 alias (E.164 number, name@host or h323:...)");
    static final Text BAD_RESOLUTION = new Text("độ phân giải tối đa phải là 180, 360, 720 hoặc 1080",
            "max resolution must be 180, 360, 720 or 1080");
    static final Text DUPLICATE_CODE = new Text("mã đơn vị bị trùng", "duplicate site code");
    static final Text DUPLICATE_ADDRESS = new Text("địa chỉ thiết bị phòng họp đã được dùng cho đơn vị khác",
            "room system address is already used by another site");
    static final Text UNKNOWN_PARENT = new Text("đơn vị cấp trên không tồn tại", "parent site does not exist");
    static final Text CYCLE = new Text("quan hệ cấp trên tạo thành vòng lặp", "parent links form a cycle");
    static final Text SELF_PARENT = new Text("đơn vị không thể là cấp trên của chính nó", "a site cannot be its own parent");
    static final Text BAD_ENCODING = new Text("tệp không phải UTF-8 hợp lệ", "the file is not valid UTF-8");
    static final Text NOT_A_NUMBER = new Text("phải là số nguyên", "must be a whole number");
    static final Text BAD_ROOM_SYSTEM = new Text(
            "thiết bị phòng họp phải có dạng GIAO_THỨC|địa_chỉ|độ_phân_giải|tên",
            "a room system is PROTOCOL|address|max_resolution|name");
    static final Text BAD_ROW = new Text("dòng không đọc được", "the line cannot be read");
    static final Text MISSING_COLUMN = new Text("thiếu cột bắt buộc trong dòng tiêu đề",
            "a required column is missing from the header");

    static final Text NOT_AN_ARRAY = new Text("tệp JSON phải là một mảng các đơn vị",
            "a JSON import is an array of sites");
    static final Text UNSUPPORTED_FORMAT = new Text("chỉ nhận tệp CSV (text/csv) hoặc JSON (application/json)",
            "only CSV (text/csv) or JSON (application/json) files are accepted");

    private SiteErrors() {
    }
}
