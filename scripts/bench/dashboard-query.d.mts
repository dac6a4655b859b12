export declare const DASHBOARD_FIRST_PAGE: string;
export declare const DASHBOARD_NEXT_PAGE: string;
