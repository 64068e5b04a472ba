package vn.gov.camau.g.sandbox.dangkytauca;

import java.time.LocalDate;
import java.util.List;

/**
 * A registered fishing vessel. {@code fishingZone} follows its length: coastal (under 12 m),
 * inshore (12–15 m), offshore (15 m and over, which must carry a vessel monitoring device, VMS).
 */
public record Vessel(
        String registrationNumber,
        Owner owner,
        double lengthMeters,
        int enginePowerKw,
        double grossTonnage,
        String hullMaterial,
        String fishingGear,
        String fishingZone,
        String homePort,
        AgencyRef registeredDistrict,
        LocalDate registeredOn,
        Licence licence,
        boolean vmsInstalled,
        String status,
        boolean sample) {

    public static final List<String> ZONES = List.of("coastal", "inshore", "offshore");
    public static final List<String> LICENCE_STATES = List.of("valid", "expiring", "expired");

    /** {@code commune} is the agency code of the owner's commune. */
    public record Owner(String name, String idNumber, String phone, String address, String commune) {}

    public record AgencyRef(String code, String name) {}

    /** The fishing licence (giấy phép khai thác thủy sản); {@code state} is valid, expiring (30 days) or expired. */
    public record Licence(String number, LocalDate issuedOn, LocalDate expiresOn, String state) {}
}
