// Types of lib/public-dashboard.mjs.
export declare function isPublicDashboard(value: string | undefined): boolean;
export declare function isSurelyPublicDashboard(value: string | undefined): boolean;
