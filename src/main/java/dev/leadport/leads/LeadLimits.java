package dev.leadport.leads;

/**
 * The longest value each lead field takes, the same for every way a lead comes in (the API, the lead form and
 * imports).
 */
public final class LeadLimits {

    public static final int NAME = 100;
    public static final int EMAIL = EmailAddress.MAX_LENGTH;
    /** Room for a typed number with an extension ("+1 (415) 555-0123 ext. 4567"). */
    public static final int PHONE = 50;

    public static final int COMPANY = 200;
    public static final int JOB_TITLE = 200;
    public static final int SOURCE = 100;
    public static final int NOTES = 10_000;
    public static final int CUSTOM_TEXT = 1_000;
    /** The other system's record id: Salesforce's are 18 characters, HubSpot's digits; room for any vendor's key. */
    public static final int EXTERNAL_ID = 255;

    private LeadLimits() {}
}
