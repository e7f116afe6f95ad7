// Generated from api/openapi.yaml by scripts/gen-api-types.ts: do not edit (npm run gen:api). contract:dde01541383e0d4b types:6dd68982b06baad0
export interface paths {
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a wx.login code for a session token
         * @description WeChat's code2Session decides who the code belongs to. 401 `CODE_INVALID` (not a valid code) or `CODE_USED`
         *     (a code works once); 403 `USER_BLOCKED` (WeChat flags the user as risky); 429 `RATE_LIMITED`; 503
         *     `LOGIN_UNAVAILABLE` (WeChat busy or not answering) or `LOGIN_NOT_CONFIGURED`.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/destination": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The destination's identity, currency, essentials and emergency numbers */
        get: operations["getDestination"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pois": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Points of interest, filtered and paged
         * @description Sorted by distance from `near` when given (each item then has `distanceMeters`), otherwise by popularity
         *     (highest first). `q` matches the zh-CN or en name, case-insensitively. Paged by an opaque cursor.
         */
        get: operations["listPois"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pois/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One point of interest with hours, fees, photos and audio guide */
        get: operations["getPoi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Upcoming destination events
         * @description Events that have not ended by the destination's today, by start date.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ticket products */
        get: operations["listProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ticket product with its ticket types and rules */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prices and availability per local date
         * @description Days from `from` to `to` inclusive (at most 120 days; `from` <= `to`). Days on which the product is not on
         *     sale are absent.
         */
        get: operations["getProductCalendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's orders, newest first */
        get: operations["listOrders"];
        put?: never;
        /**
         * Create a ticket order (idempotent)
         * @description Prices are computed on the server from the calendar and the coupon; stock is held until the order is paid,
         *     cancelled or expired (`expiresAt`). Errors: 409 `SOLD_OUT` / `INSUFFICIENT_STOCK` (with
         *     `details.field` naming the item), 409 `IDEMPOTENCY_CONFLICT`, 422 `COUPON_NOT_APPLICABLE` (with
         *     `details.reason`), 404 `NOT_FOUND` for an unknown product or coupon.
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the user's orders */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an unpaid order (its stock returns)
         * @description 409 `ORDER_NOT_CANCELLABLE` unless the order is PENDING_PAYMENT. Cancelling a CANCELLED order returns it.
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/reminder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The user accepted the visit-day reminder (wx.requestSubscribeMessage) for a paid ticket order
         * @description The server sends one subscribe message the day before the visit, at the configured hour in the
         *     destination's time zone (at once when that hour has passed and the visit is still ahead). Asking again
         *     changes nothing. 409 `REMINDER_NOT_AVAILABLE` unless the order is a FULFILLED ticket order whose visit is
         *     after today, or when the server has no reminder template.
         */
        post: operations["remindVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request a refund of a paid order
         * @description The order becomes REFUNDING, then REFUNDED when the payment provider confirms. 409 `ORDER_NOT_REFUNDABLE`
         *     when the order is not PAID/FULFILLED, a product is not refundable, or a ticket was used.
         */
        post: operations["refundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * wx.requestPayment parameters for an unpaid order
         * @description Can be called again for the same order (after a cancelled payment sheet). 409 `ORDER_NOT_PAYABLE` unless the
         *     order is PENDING_PAYMENT; 410 `ORDER_EXPIRED` once it has expired. Only the payment notification marks the
         *     order PAID. 503 `PAYMENT_UNAVAILABLE` when WeChat Pay does not answer (try again), `PAYMENT_NOT_CONFIGURED`
         *     when the server has no WeChat Pay configuration.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's e-tickets */
        get: operations["listTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Partner offers
         * @description Offers whose validity has not ended by the destination's today.
         */
        get: operations["listOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One partner offer with its terms */
        get: operations["getOffer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offers/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a coupon from an offer (idempotent)
         * @description 409 `OFFER_SOLD_OUT` when no stock is left, 409 `CLAIM_LIMIT_REACHED` at the per-user limit,
         *     409 `IDEMPOTENCY_CONFLICT`, 410 `OFFER_EXPIRED` after its validity, 409 `OFFER_NOT_STARTED` before it.
         */
        post: operations["claimOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The user's coupons
         * @description `status` is judged at the time of the request in the destination's time zone.
         */
        get: operations["listCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coupons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the user's coupons (polled while its code is shown to a merchant) */
        get: operations["getCoupon"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insurance/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Travel insurance plans with their coverage tables */
        get: operations["listInsurancePlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insurance/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Price a trip for a plan and its travellers
         * @description Premium = plan x trip days x each traveller's age band (age on the start date). 400 `VALIDATION_FAILED`
         *     for a start in the past, an end before the start, a trip longer than `maxTripDays`, or a traveller outside
         *     the plan's ages (`travellers[i].birthDate`). The quote expires at `expiresAt`.
         */
        post: operations["createInsuranceQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/insurance/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Buy a policy for a quote (idempotent); returns the order to pay
         * @description Every traveller field is validated by the same rules as the client (documents, PRC ID check digit, birth
         *     date matching the ID and the quote, ages). 410 `QUOTE_EXPIRED` after the quote's expiry; 409
         *     `TERMS_VERSION_MISMATCH` when `acceptedTermsVersion` is not the plan's current one; 409
         *     `IDEMPOTENCY_CONFLICT`. The policy is issued (and `Order.policyId` set) when the order is FULFILLED.
         */
        post: operations["createInsurancePolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's issued policies */
        get: operations["listPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One policy (document numbers masked) */
        get: operations["getPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a policy before its start date (its order is refunded)
         * @description 409 `POLICY_NOT_CANCELLABLE` on or after the start date (destination time) or when already cancelled.
         */
        post: operations["cancelPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The policy document (what `Policy.documentUrl` points to)
         * @description Downloaded with wx.downloadFile (with the Authorization header) and shown with wx.openDocument.
         */
        get: operations["getPolicyDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/bind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Become merchant or gate staff with an invitation code from the DMO
         * @description An invitation works once, until it expires. 404 `INVITATION_UNKNOWN`, 410 `INVITATION_EXPIRED`,
         *     409 `INVITATION_USED` (by someone else; the same person binding again gets their profile).
         */
        post: operations["bindStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The user's staff profile
         * @description 403 `NOT_STAFF` when the user is not staff or was revoked.
         */
        get: operations["getStaffProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a scanned code is, for this staff member, without using it
         * @description 403 `NOT_STAFF`. The verdict says whether confirming would succeed, and why not.
         */
        post: operations["scanCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Today's check-ins at the staff member's attraction (the destination's day), newest first
         * @description 403 `NOT_STAFF` (or not gate staff).
         */
        get: operations["listCheckIns"];
        put?: never;
        /**
         * Gate staff let a ticket in (it turns used, once, anywhere)
         * @description Idempotent per key: a retry answers as the first attempt did. 403 `NOT_STAFF` (or not gate staff);
         *     409 with the scan verdict as `code` (`TICKET_USED` with `usedAt`, `WRONG_PLACE`, `NOT_TODAY` with
         *     `visitDate`, `TICKET_EXPIRED`, `TICKET_REFUNDED`, `CODE_FORGED`, `CODE_UNREADABLE`).
         */
        post: operations["checkInTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/coupons/{code}/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Simulate a merchant scanning a coupon's code
         * @description 409 `COUPON_NOT_REDEEMABLE` when the coupon is used or expired, or its scope is not in_store.
         */
        post: operations["devRedeemCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dev/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore the demo data (drops every order, coupon and policy; sessions stay valid) */
        post: operations["devReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            /** @description Machine-readable, e.g. VALIDATION_FAILED, UNAUTHORIZED, CODE_USED, NOT_FOUND, IDEMPOTENCY_CONFLICT. */
            code: string;
            /** @description For developers and logs; the client shows its own localized text for `code`. */
            message: string;
            details?: components["schemas"]["ErrorDetails"];
        };
        ErrorDetails: {
            /** @description JSON path of the first bad field, e.g. `contact.mobile` or `travellers[1].documentNumber`. */
            field?: string;
            fields?: components["schemas"]["FieldError"][];
        } & {
            [key: string]: unknown;
        };
        FieldError: {
            field: string;
            /** @description Machine code of the rule that failed (e.g. required, format, pattern, range, length, enum, type, unknown). */
            code: string;
            message: string;
        };
        Id: string;
        /**
         * Format: date
         * @description A day at the destination (Destination.timeZone).
         */
        LocalDate: string;
        /**
         * Format: date-time
         * @description RFC 3339 with an offset.
         */
        Instant: string;
        /** @description HH:mm, destination time. */
        LocalTime: string;
        /** Format: uri */
        Url: string;
        /** @description ISO 4217. */
        CurrencyCode: string;
        Money: {
            /** @description Minor units (cents, fen). */
            amount: number;
            currency: components["schemas"]["CurrencyCode"];
        };
        LocalizedText: {
            "zh-CN": string;
            en: string;
        };
        /** @enum {string} */
        Language: "zh-CN" | "en";
        E164: string;
        /** Format: email */
        Email: string;
        Location: {
            lat: number;
            lng: number;
            /**
             * @description Outside mainland China both systems give the same coordinates.
             * @enum {string}
             */
            coordSystem: "gcj02" | "wgs84";
        };
        Contact: {
            name: string;
            mobile: components["schemas"]["E164"];
            email: components["schemas"]["Email"];
        };
        SessionRequest: {
            /** @description The code from wx.login. */
            code: string;
        };
        Session: {
            token: string;
            userId: components["schemas"]["Id"];
            expiresAt: components["schemas"]["Instant"];
        };
        Destination: {
            id: components["schemas"]["Id"];
            name: components["schemas"]["LocalizedText"];
            /** @description IANA time zone, e.g. Pacific/Auckland. Every LocalDate and LocalTime is in it. */
            timeZone: string;
            currency: components["schemas"]["CurrencyCode"];
            fx: components["schemas"]["FxRate"];
            essentials: components["schemas"]["Essential"][];
            emergency: components["schemas"]["EmergencyNumber"][];
            banners: components["schemas"]["Banner"][];
            poiCategories: components["schemas"]["PoiCategory"][];
            /** @description True when prices and merchants are demo data (the client then says so). */
            demo: boolean;
        };
        FxRate: {
            quote: components["schemas"]["CurrencyCode"];
            /** @description Units of `quote` per 1 major unit of the destination's currency, times 1e6. */
            rateMicros: number;
            asOf: components["schemas"]["Instant"];
        };
        Essential: {
            id: components["schemas"]["Id"];
            /** @description An icon name of the client's icon set. */
            icon: string;
            title: components["schemas"]["LocalizedText"];
            body: components["schemas"]["LocalizedText"];
        };
        EmergencyNumber: {
            id: components["schemas"]["Id"];
            label: components["schemas"]["LocalizedText"];
            /** @description As dialled at the destination (e.g. 111). */
            number: string;
        };
        Banner: {
            id: components["schemas"]["Id"];
            image: components["schemas"]["Url"];
            title: components["schemas"]["LocalizedText"];
            /** @description A mini program page path with query (e.g. /packages/tickets/product/index?productId=sky-tower). */
            link?: string;
        };
        PoiCategory: {
            id: components["schemas"]["Id"];
            name: components["schemas"]["LocalizedText"];
            icon: string;
        };
        /** @description One opening interval. `close` <= `open` means it closes after midnight (00:00-00:00 is 24 hours). */
        OpeningHours: {
            /** @description ISO weekday (1 = Monday) on which the interval opens. */
            day: number;
            open: components["schemas"]["LocalTime"];
            close: components["schemas"]["LocalTime"];
        };
        AudioGuide: {
            url: components["schemas"]["Url"];
            durationSec: number;
            lang: components["schemas"]["Language"];
        };
        /**
         * Format: uri
         * @description A public web page. A mini program cannot open pages outside its own business domains: the client copies the link for the visitor's browser.
         */
        WebLink: string;
        /** @description The public transport stop nearest to a place, and the walk from it. */
        TransitStop: {
            name: components["schemas"]["LocalizedText"];
            /** @enum {string} */
            mode: "bus" | "train" | "ferry" | "tram" | "metro";
            /** @description Walking time from the stop, rounded up (1 for a stop at the door). */
            walkMinutes: number;
        };
        /** @description What lists and the map need; the detail is Poi. */
        PoiSummary: {
            id: components["schemas"]["Id"];
            category: components["schemas"]["Id"];
            name: components["schemas"]["LocalizedText"];
            summary: components["schemas"]["LocalizedText"];
            location: components["schemas"]["Location"];
            address: components["schemas"]["LocalizedText"];
            /** @description Weekly opening intervals; a weekday without one is closed. Empty = always open (e.g. a park). */
            hours: components["schemas"]["OpeningHours"][];
            closedDates: components["schemas"]["LocalDate"][];
            photo: components["schemas"]["Url"];
            popularity: number;
            /** @description Present when the request had `near`. */
            distanceMeters?: number;
        };
        Poi: {
            id: components["schemas"]["Id"];
            category: components["schemas"]["Id"];
            name: components["schemas"]["LocalizedText"];
            summary: components["schemas"]["LocalizedText"];
            description: components["schemas"]["LocalizedText"];
            location: components["schemas"]["Location"];
            address: components["schemas"]["LocalizedText"];
            phone?: components["schemas"]["E164"];
            website?: components["schemas"]["WebLink"];
            /** @description Where to book a table, a tour or a visit (the place's own tickets are in productIds). */
            bookingUrl?: components["schemas"]["WebLink"];
            /** @description Step-free access, accessible toilets, hearing loops, assistance, ... as the place states them. */
            accessibility?: components["schemas"]["LocalizedText"];
            nearestStop?: components["schemas"]["TransitStop"];
            /** @description Weekly opening intervals; a weekday without one is closed. Empty = always open (e.g. a park). */
            hours: components["schemas"]["OpeningHours"][];
            closedDates: components["schemas"]["LocalDate"][];
            fees?: components["schemas"]["LocalizedText"];
            photos: components["schemas"]["Url"][];
            audioGuide?: components["schemas"]["AudioGuide"];
            productIds: components["schemas"]["Id"][];
            popularity: number;
            distanceMeters?: number;
        };
        PoiPage: {
            items: components["schemas"]["PoiSummary"][];
            /** @description Absent on the last page. */
            nextCursor?: string;
        };
        Event: {
            id: components["schemas"]["Id"];
            title: components["schemas"]["LocalizedText"];
            summary: components["schemas"]["LocalizedText"];
            startDate: components["schemas"]["LocalDate"];
            endDate: components["schemas"]["LocalDate"];
            venue: components["schemas"]["LocalizedText"];
            poiId?: components["schemas"]["Id"];
            image: components["schemas"]["Url"];
        };
        EventList: {
            items: components["schemas"]["Event"][];
        };
        /** @enum {string} */
        ProductCategory: "attraction" | "museum" | "tour" | "transport" | "experience";
        /** @enum {string} */
        TicketKind: "adult" | "child" | "senior" | "family";
        TicketType: {
            id: components["schemas"]["Id"];
            kind: components["schemas"]["TicketKind"];
            name: components["schemas"]["LocalizedText"];
            minAge?: number;
            maxAge?: number;
            /** @description The holder must show an ID at the gate. */
            idRequired: boolean;
            /** @description Per order. */
            minQty: number;
            /** @description Per order. */
            maxQty: number;
            /** @description Places of the day's capacity one ticket takes: the people it admits (a family ticket admits several). 1 when absent. The calendar's `remaining` counts places. */
            persons?: number;
        };
        /** @enum {string} */
        SaleState: "available" | "few_left" | "sold_out";
        Product: {
            id: components["schemas"]["Id"];
            poiId?: components["schemas"]["Id"];
            category: components["schemas"]["ProductCategory"];
            title: components["schemas"]["LocalizedText"];
            description: components["schemas"]["LocalizedText"];
            images: components["schemas"]["Url"][];
            ticketTypes: components["schemas"]["TicketType"][];
            validity: components["schemas"]["LocalizedText"];
            refundPolicy: components["schemas"]["LocalizedText"];
            refundable: boolean;
            /** @description The lowest price of any ticket type on any day on sale. */
            fromPrice: components["schemas"]["Money"];
            saleState: components["schemas"]["SaleState"];
        };
        ProductList: {
            items: components["schemas"]["Product"][];
        };
        TicketPrice: {
            ticketTypeId: components["schemas"]["Id"];
            price: components["schemas"]["Money"];
        };
        CalendarDay: {
            date: components["schemas"]["LocalDate"];
            soldOut: boolean;
            /** @description Tickets left that day (all ticket types together). */
            remaining: number;
            prices: components["schemas"]["TicketPrice"][];
        };
        Calendar: {
            productId: components["schemas"]["Id"];
            timeZone: string;
            currency: components["schemas"]["CurrencyCode"];
            days: components["schemas"]["CalendarDay"][];
        };
        /** @enum {string} */
        TicketStatus: "valid" | "used" | "refunded" | "expired";
        Ticket: {
            id: components["schemas"]["Id"];
            orderId: components["schemas"]["Id"];
            productId: components["schemas"]["Id"];
            title: components["schemas"]["LocalizedText"];
            ticketTypeId: components["schemas"]["Id"];
            holderType: components["schemas"]["TicketKind"];
            /** @description Shown as text under the QR code. */
            code: string;
            /** @description What the QR code encodes (scanned at the gate). */
            qrPayload: string;
            visitDate: components["schemas"]["LocalDate"];
            validUntil: components["schemas"]["LocalDate"];
            status: components["schemas"]["TicketStatus"];
        };
        StaffBindRequest: {
            code: string;
        };
        StaffProfile: {
            /**
             * @description merchant = one merchant's coupons; gate = one attraction's tickets.
             * @enum {string}
             */
            role: "merchant" | "gate";
            scopeId: components["schemas"]["Id"];
            scopeName: components["schemas"]["LocalizedText"];
            since: components["schemas"]["Instant"];
        };
        ScanRequest: {
            /** @description What the camera read, or what the staff member typed. */
            payload: string;
        };
        /** @description What gate staff may see of a ticket (no buyer's personal data). */
        StaffTicket: {
            code: string;
            title: components["schemas"]["LocalizedText"];
            holderType: components["schemas"]["TicketKind"];
            visitDate: components["schemas"]["LocalDate"];
            validUntil: components["schemas"]["LocalDate"];
            usedAt?: components["schemas"]["Instant"];
        };
        ScanResult: {
            /** @enum {string} */
            verdict: "VALID" | "TICKET_USED" | "WRONG_PLACE" | "NOT_TODAY" | "TICKET_EXPIRED" | "TICKET_REFUNDED" | "CODE_FORGED" | "CODE_UNREADABLE";
            ticket?: components["schemas"]["StaffTicket"];
        };
        CheckIn: {
            ticket: components["schemas"]["StaffTicket"];
            at: components["schemas"]["Instant"];
        };
        CheckInList: {
            date: components["schemas"]["LocalDate"];
            total: number;
            items: components["schemas"]["CheckIn"][];
        };
        TicketList: {
            items: components["schemas"]["Ticket"][];
        };
        /** @enum {string} */
        OrderStatus: "PENDING_PAYMENT" | "PAID" | "FULFILLED" | "CANCELLED" | "EXPIRED" | "REFUNDING" | "REFUNDED";
        /** @enum {string} */
        OrderKind: "tickets" | "insurance";
        OrderItemRequest: {
            productId: components["schemas"]["Id"];
            ticketTypeId: components["schemas"]["Id"];
            date: components["schemas"]["LocalDate"];
            quantity: number;
        };
        CreateOrderRequest: {
            items: components["schemas"]["OrderItemRequest"][];
            contact: components["schemas"]["Contact"];
            couponId?: components["schemas"]["Id"];
        };
        RefundRequest: {
            reason: string;
        };
        /**
         * @description For an insurance order: one item per age band, `productId` = the plan's id, `ticketTypeId` = the age band,
         *     `date` = the trip's start date.
         */
        OrderItem: {
            productId: components["schemas"]["Id"];
            ticketTypeId: components["schemas"]["Id"];
            title: components["schemas"]["LocalizedText"];
            date: components["schemas"]["LocalDate"];
            quantity: number;
            unitPrice: components["schemas"]["Money"];
            subtotal: components["schemas"]["Money"];
        };
        OrderHistoryEntry: {
            status: components["schemas"]["OrderStatus"];
            at: components["schemas"]["Instant"];
        };
        Order: {
            id: components["schemas"]["Id"];
            kind: components["schemas"]["OrderKind"];
            status: components["schemas"]["OrderStatus"];
            items: components["schemas"]["OrderItem"][];
            subtotal: components["schemas"]["Money"];
            /** @description Taken off the subtotal (zero without a coupon). */
            discount: components["schemas"]["Money"];
            total: components["schemas"]["Money"];
            /** @description An estimate of `total` in CNY at Destination.fx; the charge is in the local currency. */
            totalCny: components["schemas"]["Money"];
            couponId?: components["schemas"]["Id"];
            contact: components["schemas"]["Contact"];
            createdAt: components["schemas"]["Instant"];
            /** @description An unpaid order becomes EXPIRED at this instant and its stock returns. */
            expiresAt: components["schemas"]["Instant"];
            history: components["schemas"]["OrderHistoryEntry"][];
            /** @description Set on an insurance order once the policy is issued. */
            policyId?: components["schemas"]["Id"];
        };
        OrderList: {
            items: components["schemas"]["Order"][];
        };
        Reminder: {
            orderId: components["schemas"]["Id"];
            /** @description When the subscribe message goes out. */
            sendAt: components["schemas"]["Instant"];
        };
        /** @description The arguments of wx.requestPayment. */
        PaymentParams: {
            /** @description Seconds since the epoch, as a string. */
            timeStamp: string;
            nonceStr: string;
            package: string;
            /** @constant */
            signType: "RSA";
            paySign: string;
            /**
             * Format: uri
             * @description Development only (the server pays through the local WeChat simulator): the develop build shows its sandbox sheet instead of wx.requestPayment and posts the payer's choice, {"outcome": "pay" | "cancel" | "fail"}, to this URL of the simulator, which then notifies the server as WeChat Pay would.
             */
            sandboxUrl?: string;
        };
        /** @enum {string} */
        OfferCategory: "food" | "shopping" | "attractions";
        /**
         * @description in_store = redeemed by the merchant scanning its code; ticket_checkout = applied to a ticket order.
         * @enum {string}
         */
        CouponScope: "in_store" | "ticket_checkout";
        FixedDiscount: {
            /** @constant */
            type: "fixed";
            amount: components["schemas"]["Money"];
        };
        PercentDiscount: {
            /** @constant */
            type: "percent";
            percent: number;
            /** @description The most the discount takes off. */
            cap: components["schemas"]["Money"];
        };
        Discount: components["schemas"]["FixedDiscount"] | components["schemas"]["PercentDiscount"];
        Merchant: {
            name: components["schemas"]["LocalizedText"];
            poiId?: components["schemas"]["Id"];
            location?: components["schemas"]["Location"];
            address?: components["schemas"]["LocalizedText"];
        };
        Offer: {
            id: components["schemas"]["Id"];
            merchant: components["schemas"]["Merchant"];
            category: components["schemas"]["OfferCategory"];
            title: components["schemas"]["LocalizedText"];
            terms: components["schemas"]["LocalizedText"];
            image?: components["schemas"]["Url"];
            discount: components["schemas"]["Discount"];
            minSpend: components["schemas"]["Money"];
            scope: components["schemas"]["CouponScope"];
            /** @description For ticket_checkout coupons, the product categories they apply to (absent = all). */
            productCategories?: components["schemas"]["ProductCategory"][];
            validFrom: components["schemas"]["LocalDate"];
            /** @description Inclusive, until the end of that day in the destination's time zone. */
            validUntil: components["schemas"]["LocalDate"];
            remaining: number;
            perUserLimit: number;
        };
        OfferList: {
            items: components["schemas"]["Offer"][];
        };
        /** @enum {string} */
        CouponStatus: "unused" | "used" | "expired";
        /** @description A claimed coupon with a snapshot of its offer's terms at claim time. */
        Coupon: {
            id: components["schemas"]["Id"];
            offerId: components["schemas"]["Id"];
            /** @description The redemption code (shown as text and QR). */
            code: string;
            status: components["schemas"]["CouponStatus"];
            claimedAt: components["schemas"]["Instant"];
            usedAt?: components["schemas"]["Instant"];
            title: components["schemas"]["LocalizedText"];
            merchant: components["schemas"]["Merchant"];
            discount: components["schemas"]["Discount"];
            minSpend: components["schemas"]["Money"];
            scope: components["schemas"]["CouponScope"];
            productCategories?: components["schemas"]["ProductCategory"][];
            validFrom: components["schemas"]["LocalDate"];
            validUntil: components["schemas"]["LocalDate"];
        };
        CouponList: {
            items: components["schemas"]["Coupon"][];
        };
        /** @enum {string} */
        CoverageKey: "medical" | "evacuation" | "cancellation" | "baggage" | "delay";
        CoverageRow: {
            key: components["schemas"]["CoverageKey"];
            limit: components["schemas"]["Money"];
        };
        InsurancePlan: {
            id: components["schemas"]["Id"];
            name: components["schemas"]["LocalizedText"];
            coverage: components["schemas"]["CoverageRow"][];
            excess: components["schemas"]["Money"];
            minAge: number;
            maxAge: number;
            maxTripDays: number;
            /** @description The lowest daily premium of one traveller (for comparing plans; quotes are authoritative). */
            pricePerDayFrom: components["schemas"]["Money"];
            termsVersion: string;
            /** @description The terms as HTML (the client sanitizes before rendering). */
            termsHtml: components["schemas"]["LocalizedText"];
        };
        InsurancePlanList: {
            items: components["schemas"]["InsurancePlan"][];
        };
        /**
         * @description By age on the trip's start date.
         * @enum {string}
         */
        AgeBand: "child" | "adult" | "senior";
        QuoteTraveller: {
            birthDate: components["schemas"]["LocalDate"];
        };
        QuoteRequest: {
            planId: components["schemas"]["Id"];
            startDate: components["schemas"]["LocalDate"];
            endDate: components["schemas"]["LocalDate"];
            travellers: components["schemas"]["QuoteTraveller"][];
        };
        TravellerPremium: {
            birthDate: components["schemas"]["LocalDate"];
            ageBand: components["schemas"]["AgeBand"];
            premium: components["schemas"]["Money"];
        };
        Quote: {
            id: components["schemas"]["Id"];
            planId: components["schemas"]["Id"];
            startDate: components["schemas"]["LocalDate"];
            endDate: components["schemas"]["LocalDate"];
            /** @description Days from start to end inclusive. */
            tripDays: number;
            premium: components["schemas"]["Money"];
            /** @description In the order of the request's travellers. */
            perTraveller: components["schemas"]["TravellerPremium"][];
            expiresAt: components["schemas"]["Instant"];
        };
        /** @enum {string} */
        DocumentType: "prc_id" | "passport" | "hk_macao_permit";
        /**
         * @description For a passport: CHN (a PRC passport, which prints the Chinese name and has its own number format) or other.
         *     Required by the server when documentType is passport.
         * @enum {string}
         */
        PassportIssuer: "CHN" | "other";
        /** @enum {string} */
        Sex: "M" | "F";
        PolicyTravellerRequest: {
            /** @description The name in Chinese characters, as on the document: up to 20 of them, which minority and transliterated names separate with middle dots (U+00B7) that do not count towards the 20. */
            nameZh?: string;
            /** @description Surname and given names in pinyin capitals, as on the document. */
            namePinyin: string;
            documentType: components["schemas"]["DocumentType"];
            documentNumber: string;
            passportIssuer?: components["schemas"]["PassportIssuer"];
            birthDate: components["schemas"]["LocalDate"];
            sex?: components["schemas"]["Sex"];
        };
        PolicyRequest: {
            quoteId: components["schemas"]["Id"];
            /** @description One per quoted traveller, in the quote's order (birth dates must match). */
            travellers: components["schemas"]["PolicyTravellerRequest"][];
            holder: components["schemas"]["Contact"];
            acceptedTermsVersion: string;
        };
        /**
         * @description active = issued and not yet ended (including before the start date).
         * @enum {string}
         */
        PolicyStatus: "active" | "cancelled" | "expired";
        InsuredPerson: {
            nameZh?: string;
            namePinyin: string;
            documentType: components["schemas"]["DocumentType"];
            passportIssuer?: components["schemas"]["PassportIssuer"];
            /** @description The document number with its middle masked, e.g. E1234****. */
            documentNumberMasked: string;
            birthDate: components["schemas"]["LocalDate"];
            sex?: components["schemas"]["Sex"];
            ageBand: components["schemas"]["AgeBand"];
            premium: components["schemas"]["Money"];
        };
        Policy: {
            id: components["schemas"]["Id"];
            policyNumber: string;
            orderId: components["schemas"]["Id"];
            planId: components["schemas"]["Id"];
            planName: components["schemas"]["LocalizedText"];
            status: components["schemas"]["PolicyStatus"];
            startDate: components["schemas"]["LocalDate"];
            endDate: components["schemas"]["LocalDate"];
            timeZone: string;
            insured: components["schemas"]["InsuredPerson"][];
            holder: components["schemas"]["Contact"];
            coverage: components["schemas"]["CoverageRow"][];
            excess: components["schemas"]["Money"];
            premium: components["schemas"]["Money"];
            termsVersion: string;
            issuedAt: components["schemas"]["Instant"];
            cancelledAt?: components["schemas"]["Instant"];
            /** @description True before the start date (destination time) while active. */
            cancellable: boolean;
            documentUrl: components["schemas"]["Url"];
        };
        PolicyList: {
            items: components["schemas"]["Policy"][];
        };
    };
    responses: {
        /** @description `VALIDATION_FAILED`: `details.field` names the first bad field, `details.fields` all of them. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `UNAUTHORIZED` (no or expired session token) or `CODE_USED` (login code already used). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The caller is known but not allowed; `code` says why. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `NOT_FOUND`: no such resource (or not the user's). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests of this kind from this person or address: `RATE_LIMITED`, with the seconds to wait in `details.retryAfterSeconds` and the Retry-After header. */
        RateLimited: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request conflicts with the resource's state; `code` says how. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The resource expired; `code` says which. */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request is well formed but cannot be honoured; `code` says why. */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A service the server depends on (WeChat) did not answer or is not configured; `code` says which. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `INTERNAL`, `NOT_IMPLEMENTED`, `RESPONSE_CONTRACT_VIOLATION` (dev API) or another server error. */
        UnexpectedError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        IdPath: components["schemas"]["Id"];
        /** @description One key per user intent, kept across retries of that intent. */
        IdempotencyKey: string;
        /** @description The `nextCursor` of the previous page, as given. */
        Cursor: string;
        Limit: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionRequest"];
            };
        };
        responses: {
            /** @description A new session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getDestination: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The destination. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Destination"];
                };
            };
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listPois: {
        parameters: {
            query?: {
                /** @description A `Destination.poiCategories[].id`. */
                category?: components["schemas"]["Id"];
                /** @description `lat,lng` in GCJ-02, as wx.getLocation gives it (equal to WGS-84 outside mainland China). */
                near?: string;
                q?: string;
                /** @description The `nextCursor` of the previous page, as given. */
                cursor?: components["parameters"]["Cursor"];
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of POIs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PoiPage"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getPoi: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The POI. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Poi"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Only the products sold for this POI. */
                poiId?: components["schemas"]["Id"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The products. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getProductCalendar: {
        parameters: {
            query: {
                from: components["schemas"]["LocalDate"];
                to: components["schemas"]["LocalDate"];
            };
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Only orders in one of these statuses (repeat the parameter for several). */
                status?: components["schemas"]["OrderStatus"][];
                kind?: components["schemas"]["OrderKind"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The orders. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header: {
                /** @description One key per user intent, kept across retries of that intent. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrderRequest"];
            };
        };
        responses: {
            /** @description Idempotent replay; the order created by the first request with this key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The order was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    remindVisit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description When the reminder will be sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reminder"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    refundOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundRequest"];
            };
        };
        responses: {
            /** @description The order, now REFUNDING (or REFUNDED). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Parameters for wx.requestPayment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentParams"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listTickets: {
        parameters: {
            query?: {
                orderId?: components["schemas"]["Id"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tickets, by visit date. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listOffers: {
        parameters: {
            query?: {
                category?: components["schemas"]["OfferCategory"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The offers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfferList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The offer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offer"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    claimOffer: {
        parameters: {
            query?: never;
            header: {
                /** @description One key per user intent, kept across retries of that intent. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Idempotent replay; the coupon of the first request with this key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            /** @description The new coupon. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listCoupons: {
        parameters: {
            query?: {
                status?: components["schemas"]["CouponStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coupons, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coupon. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listInsurancePlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plans. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsurancePlanList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createInsuranceQuote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteRequest"];
            };
        };
        responses: {
            /** @description The quote. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    createInsurancePolicy: {
        parameters: {
            query?: never;
            header: {
                /** @description One key per user intent, kept across retries of that intent. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyRequest"];
            };
        };
        responses: {
            /** @description Idempotent replay; the order of the first request with this key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description The insurance order, PENDING_PAYMENT. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policies, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    cancelPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled policy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getPolicyDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["IdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    bindStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffBindRequest"];
            };
        };
        responses: {
            /** @description The user's staff profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProfile"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    getStaffProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffProfile"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    scanCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScanRequest"];
            };
        };
        responses: {
            /** @description The verdict. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanResult"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    listCheckIns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The day's check-ins and their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInList"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    checkInTicket: {
        parameters: {
            query?: never;
            header: {
                /** @description One key per user intent, kept across retries of that intent. */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScanRequest"];
            };
        };
        responses: {
            /** @description The ticket, now used. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    devRedeemCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The coupon, now used. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Coupon"];
                };
            };
            400: components["responses"]["ValidationFailed"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["UnexpectedError"];
        };
    };
    devReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Restored. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ValidationFailed"];
            default: components["responses"]["UnexpectedError"];
        };
    };
}
