export { THREAT_DOMAINS, THREAT_DOMAIN_IDS, ThreatDomain } from './domains.ts';
export { THEME_MAP_VERSION, THEME_RULES, threatDomainsOfTheme } from './theme-map.ts';
