/**
 * Labelled escalation episodes for `npm run eval:hotspots` (docs/hotspots-eval.md). Each was chosen
 * from the historical record first, with a public reference for its onset, and only then checked
 * against the data: an episode the data does not cover is kept here with `dropped` (its window is
 * still not "quiet") and never scored. Onsets are never moved to fit the data or a method.
 */
/** A dataset is read from the store by its peacebell source (`ucdp`, `acled`, `icews`, `gdelt2`...). */
export type DatasetId = string;

export interface Dataset {
  id: DatasetId;
  /** Path under the shared data folder, or an absolute path. */
  file: string;
  /** The days the file covers (every country in it), and days inside them it does not. */
  from: string;
  to: string;
  gaps: readonly { from: string; to: string }[];
  /** Whether the source reports fatalities (the HDX-Signals rule needs them). */
  fatalities: boolean;
  /**
   * Dates are per event (day precision): detection is scored per day, on daily tests. Otherwise the
   * data is weekly: peacebell's weekly tests, detected by the end of the onset's ISO week.
   */
  daily: boolean;
}

export const DATASETS: readonly Dataset[] = [
  {
    id: 'ucdp',
    file: 'ucdp/ged191-myanmar-bangladesh.csv',
    from: '1989-01-01',
    to: '2018-12-31',
    gaps: [],
    fatalities: true,
    daily: true,
  },
  {
    id: 'acled',
    file: 'acled/acled-africa-20160101-20160528-minus-LBY-SSD-BDI-TUN.csv',
    from: '2016-01-01',
    to: '2016-05-28',
    gaps: [],
    fatalities: true,
    daily: true,
  },
  {
    id: 'icews',
    file: 'icews/icews-brazil-2013-except-june.tab',
    from: '2013-01-01',
    to: '2013-12-31',
    gaps: [{ from: '2013-06-01', to: '2013-06-30' }],
    fatalities: false,
    daily: true,
  },
];

export interface Episode {
  id: string;
  /** ISO3 of the country; the episode is scored at country level. */
  country: string;
  /** The region it started in, as the dataset names it (documentation; not scored). */
  adm1?: string;
  onset: string;
  what: string;
  /** Public references for the event and its onset. */
  source: string;
  dataset: DatasetId;
  /** Why the episode is not scored (the data does not cover it), if it is not. */
  dropped?: string;
}

export const EPISODES: readonly Episode[] = [
  // UCDP GED 19.1, Myanmar and Bangladesh
  {
    id: 'mmr-2009-kokang',
    country: 'MMR',
    adm1: 'Shan State',
    onset: '2009-08-27',
    what: 'Fighting between the army and the MNDAA in Kokang; some 30,000 flee to China',
    source: 'Wikipedia "Kokang incident"',
    dataset: 'ucdp',
  },
  {
    id: 'mmr-2010-myawaddy',
    country: 'MMR',
    adm1: 'Kayin State',
    onset: '2010-11-08',
    what: 'DKBA Brigade 5 seizes Myawaddy the day after the election; thousands flee to Thailand',
    source: 'Wikipedia "Democratic Karen Buddhist Army"; HRW World Report 2011, Burma chapter',
    dataset: 'ucdp',
  },
  {
    id: 'mmr-2011-kachin',
    country: 'MMR',
    adm1: 'Kachin State',
    onset: '2011-06-09',
    what: 'The 17-year KIO ceasefire breaks down in fighting near the Taping dam',
    source: 'Wikipedia "Kachin conflict"; HRW "Untold Miseries" (March 2012)',
    dataset: 'ucdp',
  },
  {
    id: 'mmr-2012-rakhine-june',
    country: 'MMR',
    adm1: 'Rakhine State',
    onset: '2012-06-08',
    what: 'Rakhine–Rohingya violence starts in Maungdaw; state of emergency on 10 June',
    source: 'Wikipedia "2012 Rakhine State riots"; HRW "All You Can Do Is Pray" (April 2013)',
    dataset: 'ucdp',
  },
  {
    id: 'mmr-2012-rakhine-october',
    country: 'MMR',
    adm1: 'Rakhine State',
    onset: '2012-10-21',
    what: 'Second wave of attacks on Rohingya and Kaman Muslims (Min Bya, Mrauk-U, Kyaukpyu)',
    source: 'Wikipedia "2012 Rakhine State riots"; HRW "All You Can Do Is Pray" (April 2013)',
    dataset: 'ucdp',
  },
  {
    id: 'mmr-2015-kokang',
    country: 'MMR',
    adm1: 'Shan State',
    onset: '2015-02-09',
    what: 'MNDAA offensive on Laukkai; martial law in Kokang on 17 February',
    source: 'Wikipedia "2015 Kokang offensive"',
    dataset: 'ucdp',
  },
  {
    id: 'mmr-2016-arsa-border-posts',
    country: 'MMR',
    adm1: 'Rakhine State',
    onset: '2016-10-09',
    what: 'Attacks on three border police posts in Maungdaw, followed by army "clearance operations"',
    source:
      'Wikipedia "Rohingya conflict"; OHCHR flash report on the operations since 9 October 2016 (2017-02-03)',
    dataset: 'ucdp',
  },
  {
    id: 'mmr-2016-northern-alliance',
    country: 'MMR',
    adm1: 'Shan State',
    onset: '2016-11-20',
    what: 'Northern Alliance attacks on Muse and Mong Ko in northern Shan State',
    source: 'Wikipedia "Northern Alliance – Burma"',
    dataset: 'ucdp',
  },
  {
    id: 'mmr-2017-rakhine-clearance',
    country: 'MMR',
    adm1: 'Rakhine State',
    onset: '2017-08-25',
    what: 'ARSA attacks some 30 police posts; military "clearance operations" drive 700,000 Rohingya out',
    source: 'Wikipedia "Rohingya genocide"; UN Fact-Finding Mission on Myanmar, A/HRC/39/64 (2018)',
    dataset: 'ucdp',
  },
  {
    id: 'bgd-2009-bdr-mutiny',
    country: 'BGD',
    adm1: 'Dhaka Division',
    onset: '2009-02-25',
    what: 'Bangladesh Rifles mutiny at Pilkhana, Dhaka: 74 killed, 57 of them army officers',
    source: 'Wikipedia "2009 Bangladesh Rifles revolt"',
    dataset: 'ucdp',
    dropped: 'UCDP GED has no event in Bangladesh from 2009-02-23 to 2009-03-10',
  },
  {
    id: 'bgd-2013-sayeedi-verdict',
    country: 'BGD',
    onset: '2013-02-28',
    what: "Nationwide violence after Delwar Hossain Sayeedi's death sentence by the war-crimes tribunal",
    source: 'Wikipedia "Delwar Hossain Sayeedi"; HRW "Blood on the Streets" (August 2013)',
    dataset: 'ucdp',
  },
  {
    id: 'bgd-2014-election',
    country: 'BGD',
    onset: '2014-01-05',
    what: 'Violence around the general election boycotted by the BNP-led alliance',
    source: 'Wikipedia "2014 Bangladeshi general election"; HRW "Democracy in the Crossfire" (April 2014)',
    dataset: 'ucdp',
  },
  {
    id: 'bgd-2015-blockade',
    country: 'BGD',
    onset: '2015-01-05',
    what: 'BNP-led alliance starts an indefinite transport blockade; arson and petrol-bomb attacks',
    source: 'HRW World Report 2016, Bangladesh chapter',
    dataset: 'ucdp',
  },
  {
    id: 'bgd-2016-holey-artisan',
    country: 'BGD',
    adm1: 'Dhaka Division',
    onset: '2016-07-01',
    what: 'Gunmen claimed by IS attack the Holey Artisan Bakery in Dhaka: 22 hostages and 2 police killed',
    source: 'Wikipedia "July 2016 Dhaka attack"',
    dataset: 'ucdp',
  },
  // ACLED All-Africa, 2016-01-01 .. 2016-05-28
  {
    id: 'eth-2015-oromo-protests',
    country: 'ETH',
    adm1: 'Oromia',
    onset: '2015-11-12',
    what: 'Oromo protests against the Addis Ababa master plan start in Ginchi and spread',
    source: 'HRW "Such a Brutal Crackdown" (June 2016)',
    dataset: 'acled',
    dropped: 'onset before the file covers Ethiopia (2016-01-01)',
  },
  {
    id: 'sdn-2016-jebel-marra',
    country: 'SDN',
    onset: '2016-01-15',
    what: 'Government offensive against SLA-AW in Jebel Marra, Darfur',
    source: 'Amnesty International "Scorched Earth, Poisoned Air" (September 2016)',
    dataset: 'acled',
    dropped: 'fewer than 42 days of data before the onset',
  },
  {
    id: 'bfa-2016-ouagadougou',
    country: 'BFA',
    onset: '2016-01-15',
    what: 'AQIM attack on the Splendid Hotel and Cappuccino café in Ouagadougou: 30 killed',
    source: 'Wikipedia "2016 Ouagadougou attacks"',
    dataset: 'acled',
    dropped: 'fewer than 42 days of data before the onset',
  },
  {
    id: 'som-2016-el-adde',
    country: 'SOM',
    onset: '2016-01-15',
    what: 'Al-Shabaab overruns the Kenyan AMISOM base at El Adde',
    source: 'Wikipedia "Battle of El Adde"',
    dataset: 'acled',
    dropped: 'fewer than 42 days of data before the onset',
  },
  {
    id: 'nga-2016-dalori',
    country: 'NGA',
    adm1: 'Borno',
    onset: '2016-01-30',
    what: 'Boko Haram attack on Dalori village and camp near Maiduguri: about 86 killed',
    source: 'Wikipedia "2016 Dalori attack"',
    dataset: 'acled',
    dropped: 'fewer than 42 days of data before the onset',
  },
  {
    id: 'uga-2016-election',
    country: 'UGA',
    onset: '2016-02-15',
    what: 'Police fire on opposition supporters as Besigye is arrested in Kampala; election on 18 February',
    source: 'Wikipedia "2016 Ugandan general election"; HRW World Report 2017, Uganda chapter',
    dataset: 'acled',
  },
  {
    id: 'nga-2016-agatu',
    country: 'NGA',
    adm1: 'Benue',
    onset: '2016-02-24',
    what: 'Armed herders attack Agatu villages, some 300 killed (the House condemned the killings on 25 Feb)',
    source:
      'Wikipedia "Agatu massacres" ("began in late February 2016"); ThisDay 2016-04-11 "Agatu Killings: The Cry for Justice"',
    dataset: 'acled',
  },
  {
    id: 'civ-2016-grand-bassam',
    country: 'CIV',
    adm1: 'Comoe',
    onset: '2016-03-13',
    what: 'AQIM gunmen attack the beach resort of Grand-Bassam: 19 killed',
    source: 'Wikipedia "2016 Grand-Bassam shootings"',
    dataset: 'acled',
  },
  {
    id: 'cog-2016-pool',
    country: 'COG',
    adm1: 'Pool',
    onset: '2016-04-04',
    what: 'Attacks in southern Brazzaville blamed on the Ninjas; army operations and air strikes in Pool',
    source: 'Wikipedia "Pool War"',
    dataset: 'acled',
  },
  {
    id: 'gmb-2016-april-protests',
    country: 'GMB',
    onset: '2016-04-14',
    what: 'UDP protest for electoral reform; Solo Sandeng arrested and killed in custody; Darboe arrested on 16 April',
    source: 'Wikipedia "Solo Sandeng"; HRW World Report 2017, Gambia chapter',
    dataset: 'acled',
  },
  {
    id: 'egy-2016-islands-protests',
    country: 'EGY',
    onset: '2016-04-15',
    what: 'Largest protests since 2014 against ceding Tiran and Sanafir; mass arrests around 25 April',
    source: 'Wikipedia "Tiran Island"; HRW World Report 2017, Egypt chapter',
    dataset: 'acled',
  },
  {
    id: 'eth-2016-gambela',
    country: 'ETH',
    adm1: 'Gambela Peoples',
    onset: '2016-04-15',
    what: 'Murle gunmen from South Sudan kill some 200 people and abduct children in Gambela',
    source: 'BBC News and Reuters, 2016-04-17 (208 killed in Gambela, Ethiopian government figure)',
    dataset: 'acled',
  },
  {
    id: 'nga-2016-nimbo',
    country: 'NGA',
    adm1: 'Enugu',
    onset: '2016-04-25',
    what: 'Armed herders attack Nimbo (Uzo-Uwani), about 40 killed',
    source: 'Amnesty International "Harvest of Death" (2018); Wikipedia "Herder–farmer conflicts in Nigeria"',
    dataset: 'acled',
  },
  {
    id: 'zaf-2016-vuwani',
    country: 'ZAF',
    adm1: 'Limpopo',
    onset: '2016-05-01',
    what: 'Vuwani demarcation protests erupt: more than 20 schools torched in a week',
    source: 'City Press 2016-05-05 "More schools on fire in Vuwani" ("on the rampage since Sunday")',
    dataset: 'acled',
  },
  // ICEWS Brazil 2013 (June removed)
  {
    id: 'bra-2013-terena-eviction',
    country: 'BRA',
    adm1: 'Estado de Mato Grosso do Sul',
    onset: '2013-05-30',
    what: 'Terena man killed by police evicting the occupied Buriti farm (Sidrolândia)',
    source: 'CIMI "Violência contra os povos indígenas no Brasil", 2013 data',
    dataset: 'icews',
    dropped: 'ICEWS has no event in Mato Grosso do Sul around the onset, and June is missing',
  },
  {
    id: 'bra-2013-july-protests',
    country: 'BRA',
    onset: '2013-07-11',
    what: 'National day of strikes and protests called by the union centrals, after the June protests',
    source: 'Wikipedia "2013 protests in Brazil"',
    dataset: 'icews',
    dropped: 'June is missing: fewer than 42 days of data before the onset',
  },
  {
    id: 'bra-2013-independence-day',
    country: 'BRA',
    onset: '2013-09-07',
    what: 'Independence Day protests in many cities; clashes with police in Rio, São Paulo and Brasília',
    source: 'Wikipedia "Protestos no Brasil em 2013" (timeline)',
    dataset: 'icews',
  },
  {
    id: 'bra-2013-rio-teachers',
    country: 'BRA',
    adm1: 'Estado do Rio de Janeiro',
    onset: '2013-10-07',
    what: "Striking teachers' march in Rio ends in riots; solidarity marches in São Paulo",
    source: 'Wikipedia "Protestos no Brasil em 2013" (timeline, Rio teachers\' strike)',
    dataset: 'icews',
  },
];
