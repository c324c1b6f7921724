/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-demo"

#include "config.h"

#include "cohort-demo-data.h"

/* Names are common ones of each country, romanised as passports write them (Hepburn without
 * macrons for Japanese, the national transliteration for Ukrainian, no diacritics for
 * Vietnamese), with the original script beside them.  Combined at random they give people who
 * look like the real intakes without being anyone in particular. */

#define LIST(names) names, G_N_ELEMENTS (names)

/* Japan */

static const CohortDemoName japanese_family[] = {
  { "Sato", "佐藤" }, { "Suzuki", "鈴木" }, { "Takahashi", "高橋" }, { "Tanaka", "田中" },
  { "Watanabe", "渡辺" }, { "Ito", "伊藤" }, { "Yamamoto", "山本" }, { "Nakamura", "中村" },
  { "Kobayashi", "小林" }, { "Kato", "加藤" }, { "Yoshida", "吉田" }, { "Yamada", "山田" },
  { "Sasaki", "佐々木" }, { "Yamaguchi", "山口" }, { "Matsumoto", "松本" }, { "Inoue", "井上" },
  { "Kimura", "木村" }, { "Hayashi", "林" }, { "Shimizu", "清水" }, { "Yamazaki", "山崎" },
  { "Mori", "森" }, { "Abe", "阿部" }, { "Ikeda", "池田" }, { "Hashimoto", "橋本" },
  { "Yamashita", "山下" }, { "Ishikawa", "石川" }, { "Nakajima", "中島" }, { "Maeda", "前田" },
  { "Fujita", "藤田" }, { "Ogawa", "小川" }, { "Goto", "後藤" }, { "Okada", "岡田" },
  { "Hasegawa", "長谷川" }, { "Murakami", "村上" }, { "Kondo", "近藤" }, { "Ishii", "石井" },
  { "Saito", "斎藤" }, { "Sakamoto", "坂本" }, { "Endo", "遠藤" }, { "Aoki", "青木" },
  { "Fujii", "藤井" }, { "Nishimura", "西村" }, { "Fukuda", "福田" }, { "Ota", "太田" },
  { "Miura", "三浦" }, { "Okamoto", "岡本" }, { "Matsuda", "松田" }, { "Nakagawa", "中川" },
  { "Harada", "原田" }, { "Ono", "小野" },
};

static const CohortDemoName japanese_male[] = {
  { "Hiroshi", "浩" }, { "Takashi", "隆" }, { "Kenji", "健二" }, { "Daisuke", "大輔" },
  { "Shota", "翔太" }, { "Yuta", "雄太" }, { "Kenta", "健太" }, { "Takuya", "拓也" },
  { "Naoki", "直樹" }, { "Kazuki", "和樹" }, { "Ryo", "亮" }, { "Tomoya", "智也" },
  { "Yusuke", "雄介" }, { "Shun", "駿" }, { "Sota", "颯太" }, { "Kosuke", "康介" },
  { "Satoshi", "聡" }, { "Makoto", "誠" }, { "Tetsuya", "哲也" }, { "Yuki", "裕樹" },
  { "Masaki", "正樹" }, { "Ryota", "亮太" }, { "Shinji", "真司" }, { "Akira", "明" },
  { "Hiroki", "弘樹" }, { "Koji", "浩二" }, { "Takeshi", "武" }, { "Jun", "潤" },
  { "Kei", "圭" }, { "Yosuke", "洋介" },
};

static const CohortDemoName japanese_female[] = {
  { "Yuko", "裕子" }, { "Yoko", "洋子" }, { "Keiko", "恵子" }, { "Tomoko", "智子" },
  { "Akiko", "明子" }, { "Naoko", "直子" }, { "Mayumi", "真由美" }, { "Megumi", "恵" },
  { "Ayaka", "彩花" }, { "Misaki", "美咲" }, { "Haruka", "遥" }, { "Yui", "結衣" },
  { "Mai", "舞" }, { "Nanami", "七海" }, { "Saki", "早紀" }, { "Emi", "恵美" },
  { "Rie", "理恵" }, { "Kaori", "香織" }, { "Yumi", "由美" }, { "Sachiko", "幸子" },
  { "Asuka", "明日香" }, { "Chihiro", "千尋" }, { "Aya", "彩" }, { "Nozomi", "希" },
  { "Risa", "理沙" }, { "Erika", "絵里香" }, { "Kana", "佳奈" }, { "Mika", "美香" },
  { "Noriko", "典子" }, { "Junko", "順子" },
};

/* Cambodia: the family name comes first. */

static const CohortDemoName khmer_family[] = {
  { "Sok", "សុខ" }, { "Chan", "ចាន់" }, { "Heng", "ហេង" }, { "Chea", "ជា" },
  { "Keo", "កែវ" }, { "Meas", "មាស" }, { "Ly", "លី" }, { "Seng", "សេង" },
  { "Hun", "ហ៊ុន" }, { "Sam", "សំ" }, { "Sorn", "សន" }, { "Pich", "ពេជ្រ" },
  { "Long", "ឡុង" }, { "Ouk", "អ៊ុក" }, { "Prak", "ប្រាក់" }, { "Yim", "យឹម" },
  { "Noun", "នួន" }, { "Mao", "ម៉ៅ" }, { "Tep", "ទេព" }, { "Nhem", "ញឹម" },
  { "Touch", "ទូច" }, { "Chhim", "ឈឹម" }, { "Khiev", "ខៀវ" }, { "Ros", "រស់" },
  { "Lim", "លីម" }, { "Sun", "ស៊ុន" },
};

static const CohortDemoName khmer_male[] = {
  { "Dara", "ដារ៉ា" }, { "Sophal", "សុផល" }, { "Vuthy", "វុឌ្ឍី" }, { "Rithy", "ឫទ្ធី" },
  { "Vannak", "វណ្ណៈ" }, { "Visal", "វិសាល" }, { "Piseth", "ពិសិដ្ឋ" }, { "Sovann", "សុវណ្ណ" },
  { "Kosal", "កុសល" }, { "Bunthoeun", "ប៊ុនធឿន" }, { "Makara", "មករា" },
  { "Samnang", "សំណាង" }, { "Veasna", "វាសនា" }, { "Sambath", "សម្បត្តិ" },
  { "Narith", "នរិទ្ធ" }, { "Sothea", "សុធា" }, { "Vichet", "វិចិត្រ" },
  { "Chamroeun", "ចំរើន" }, { "Sokha", "សុខា" }, { "Chanthou", "ចាន់ធូ" },
};

static const CohortDemoName khmer_female[] = {
  { "Sreymom", "ស្រីមុំ" }, { "Sophea", "សុភា" }, { "Channary", "ចន្ទនារី" },
  { "Bopha", "បុប្ផា" }, { "Chenda", "ចិន្ដា" }, { "Malis", "ម្លិះ" }, { "Sreyneang", "ស្រីនាង" },
  { "Sothy", "សុធី" }, { "Kalyan", "កល្យាណ" }, { "Leakhena", "លក្ខិណា" },
  { "Sokleap", "សុខលាភ" }, { "Sreypov", "ស្រីពៅ" }, { "Phally", "ផល្លី" },
  { "Raksmey", "រស្មី" }, { "Sopheap", "សុភាព" }, { "Vanna", "វណ្ណា" }, { "Thida", "ធីតា" },
  { "Chanthy", "ចន្ធី" }, { "Kunthea", "គន្ធា" }, { "Pisey", "ពិសី" }, { "Davy", "ដាវី" },
};

/* Thailand */

static const CohortDemoName thai_family[] = {
  { "Boonmee", "บุญมี" }, { "Srisuk", "ศรีสุข" }, { "Thongdee", "ทองดี" },
  { "Kaewmanee", "แก้วมณี" }, { "Sukprasert", "สุขประเสริฐ" }, { "Chaiwong", "ชัยวงศ์" },
  { "Srisawat", "ศรีสวัสดิ์" }, { "Rattanakorn", "รัตนากร" }, { "Somboon", "สมบูรณ์" },
  { "Wongsawat", "วงศ์สวัสดิ์" }, { "Inthawong", "อินทวงศ์" }, { "Siriwat", "ศิริวัฒน์" },
  { "Rungruang", "รุ่งเรือง" }, { "Thongchai", "ทองชัย" }, { "Chantarasri", "จันทรศรี" },
  { "Phromma", "พรหมมา" }, { "Saetang", "แซ่ตั้ง" }, { "Saelim", "แซ่ลิ้ม" },
  { "Jaidee", "ใจดี" }, { "Meesuk", "มีสุข" }, { "Kongkaew", "คงแก้ว" },
  { "Panyawong", "ปัญญาวงศ์" }, { "Suwannarat", "สุวรรณรัตน์" },
  { "Prasertsri", "ประเสริฐศรี" }, { "Nakhonchai", "นครชัย" },
};

static const CohortDemoName thai_male[] = {
  { "Somchai", "สมชาย" }, { "Somsak", "สมศักดิ์" }, { "Anan", "อนันต์" },
  { "Prasert", "ประเสริฐ" }, { "Wichai", "วิชัย" }, { "Surachai", "สุรชัย" },
  { "Kittisak", "กิตติศักดิ์" }, { "Thanawat", "ธนวัฒน์" }, { "Chaiwat", "ชัยวัฒน์" },
  { "Nattapong", "ณัฐพงศ์" }, { "Pongsak", "พงษ์ศักดิ์" }, { "Sombat", "สมบัติ" },
  { "Apichat", "อภิชาติ" }, { "Teerawat", "ธีรวัฒน์" }, { "Wuttichai", "วุฒิชัย" },
  { "Narong", "ณรงค์" }, { "Supachai", "ศุภชัย" }, { "Thanakorn", "ธนากร" },
  { "Pichai", "พิชัย" }, { "Jirayu", "จิรายุ" },
};

static const CohortDemoName thai_female[] = {
  { "Somying", "สมหญิง" }, { "Malee", "มาลี" }, { "Pornthip", "พรทิพย์" },
  { "Siriporn", "ศิริพร" }, { "Kanya", "กัญญา" }, { "Suda", "สุดา" }, { "Wanida", "วนิดา" },
  { "Nattaya", "ณัฐยา" }, { "Chanida", "ชนิดา" }, { "Pimchanok", "พิมพ์ชนก" },
  { "Sasithorn", "ศศิธร" }, { "Kannika", "กรรณิการ์" }, { "Supaporn", "สุภาพร" },
  { "Ratana", "รัตนา" }, { "Arunee", "อรุณี" }, { "Jintana", "จินตนา" },
  { "Duangjai", "ดวงใจ" }, { "Nittaya", "นิตยา" }, { "Waraporn", "วราภรณ์" },
  { "Apinya", "อภิญญา" },
};

/* Nepal */

static const CohortDemoName nepali_family[] = {
  { "Sharma", "शर्मा" }, { "Shrestha", "श्रेष्ठ" }, { "Thapa", "थापा" }, { "Gurung", "गुरुङ" },
  { "Tamang", "तामाङ" }, { "Rai", "राई" }, { "Magar", "मगर" }, { "Adhikari", "अधिकारी" },
  { "Karki", "कार्की" }, { "Poudel", "पौडेल" }, { "Bhattarai", "भट्टराई" },
  { "Khadka", "खड्का" }, { "Basnet", "बस्नेत" }, { "Joshi", "जोशी" }, { "Acharya", "आचार्य" },
  { "Pandey", "पाण्डे" }, { "Koirala", "कोइराला" }, { "Limbu", "लिम्बु" }, { "Sherpa", "शेर्पा" },
  { "Maharjan", "महर्जन" }, { "Bista", "बिष्ट" }, { "Dahal", "दाहाल" }, { "Ghimire", "घिमिरे" },
  { "Regmi", "रेग्मी" }, { "Neupane", "न्यौपाने" }, { "Lama", "लामा" }, { "Yadav", "यादव" },
  { "Chaudhary", "चौधरी" }, { "Subedi", "सुवेदी" },
};

static const CohortDemoName nepali_male[] = {
  { "Ram", "राम" }, { "Krishna", "कृष्ण" }, { "Bikash", "विकास" }, { "Rajesh", "राजेश" },
  { "Sanjay", "सञ्जय" }, { "Dipak", "दीपक" }, { "Prakash", "प्रकाश" }, { "Ramesh", "रमेश" },
  { "Binod", "विनोद" }, { "Sagar", "सागर" }, { "Anil", "अनिल" }, { "Sunil", "सुनिल" },
  { "Nabin", "नवीन" }, { "Roshan", "रोशन" }, { "Manoj", "मनोज" }, { "Hari", "हरि" },
  { "Gopal", "गोपाल" }, { "Bishnu", "विष्णु" }, { "Santosh", "सन्तोष" }, { "Kiran", "किरण" },
  { "Bibek", "विवेक" }, { "Pradeep", "प्रदीप" }, { "Sujan", "सुजन" },
};

static const CohortDemoName nepali_female[] = {
  { "Sita", "सीता" }, { "Gita", "गीता" }, { "Sarita", "सरिता" }, { "Anita", "अनिता" },
  { "Sunita", "सुनिता" }, { "Srijana", "सृजना" }, { "Pooja", "पूजा" }, { "Sabina", "सबिना" },
  { "Rita", "रीता" }, { "Kamala", "कमला" }, { "Laxmi", "लक्ष्मी" }, { "Sushma", "सुष्मा" },
  { "Bina", "बिना" }, { "Manisha", "मनिषा" }, { "Asmita", "अस्मिता" }, { "Pratima", "प्रतिमा" },
  { "Sapana", "सपना" }, { "Rojina", "रोजिना" }, { "Nirmala", "निर्मला" }, { "Shanti", "शान्ति" },
  { "Radhika", "राधिका" }, { "Sabita", "सबिता" }, { "Deepa", "दीपा" },
};

/* Myanmar: no family name; a name is two or three syllables. */

static const CohortDemoName burmese_male[] = {
  { "Aung", "အောင်" }, { "Kyaw", "ကျော်" }, { "Min", "မင်း" }, { "Htet", "ထက်" },
  { "Zaw", "ဇော်" }, { "Naing", "နိုင်" }, { "Win", "ဝင်း" }, { "Myo", "မျိုး" },
  { "Thu", "သူ" }, { "Htun", "ထွန်း" }, { "Soe", "စိုး" }, { "Lwin", "လွင်" },
  { "Thein", "သိန်း" }, { "Ko", "ကို" }, { "Nyi", "ညီ" }, { "Phyo", "ဖြိုး" },
  { "Zeyar", "ဇေယျာ" }, { "Thant", "သန့်" }, { "Hein", "ဟိန်း" }, { "Paing", "ပိုင်" },
  { "Linn", "လင်း" }, { "Yan", "ရန်" }, { "Naung", "နောင်" }, { "Thura", "သူရ" },
};

static const CohortDemoName burmese_female[] = {
  { "Hla", "လှ" }, { "Su", "စု" }, { "Mya", "မြ" }, { "Khin", "ခင်" }, { "Nwe", "နွယ်" },
  { "Phyu", "ဖြူ" }, { "Thida", "သီတာ" }, { "Ei", "အိ" }, { "Moe", "မိုး" },
  { "Yadanar", "ရတနာ" }, { "Zin", "ဇင်" }, { "Nyein", "ငြိမ်း" }, { "San", "စန်း" },
  { "May", "မေ" }, { "Wai", "ဝေ" }, { "Hnin", "နှင်း" }, { "Pyae", "ပြည့်" },
  { "Sandar", "စန္ဒာ" }, { "Thiri", "သီရိ" }, { "Chaw", "ချော" }, { "Myat", "မြတ်" },
  { "Yin", "ယဉ်" }, { "Aye", "အေး" }, { "Thet", "သက်" },
};

/* Bangladesh */

static const CohortDemoName bengali_family[] = {
  { "Rahman", "রহমান" }, { "Hossain", "হোসেন" }, { "Ahmed", "আহমেদ" }, { "Islam", "ইসলাম" },
  { "Khan", "খান" }, { "Chowdhury", "চৌধুরী" }, { "Uddin", "উদ্দিন" }, { "Sarkar", "সরকার" },
  { "Das", "দাস" }, { "Roy", "রায়" }, { "Haque", "হক" }, { "Alam", "আলম" },
  { "Miah", "মিয়া" }, { "Talukder", "তালুকদার" }, { "Bhuiyan", "ভূঁইয়া" }, { "Karim", "করিম" },
  { "Siddique", "সিদ্দিকী" }, { "Mondal", "মণ্ডল" }, { "Biswas", "বিশ্বাস" }, { "Saha", "সাহা" },
  { "Majumder", "মজুমদার" }, { "Paul", "পাল" }, { "Ali", "আলী" },
};

static const CohortDemoName bengali_male[] = {
  { "Mohammad", "মোহাম্মদ" }, { "Abdul", "আবদুল" }, { "Rafiq", "রফিক" }, { "Kamal", "কামাল" },
  { "Jamal", "জামাল" }, { "Sohel", "সোহেল" }, { "Tanvir", "তানভীর" }, { "Rashed", "রাশেদ" },
  { "Imran", "ইমরান" }, { "Arif", "আরিফ" }, { "Mizanur", "মিজানুর" }, { "Shahid", "শহীদ" },
  { "Faisal", "ফয়সাল" }, { "Nazmul", "নাজমুল" }, { "Habib", "হাবিব" }, { "Anwar", "আনোয়ার" },
  { "Sajid", "সাজিদ" }, { "Tarek", "তারেক" }, { "Rubel", "রুবেল" }, { "Partha", "পার্থ" },
  { "Sumon", "সুমন" }, { "Amit", "অমিত" },
};

static const CohortDemoName bengali_female[] = {
  { "Fatema", "ফাতেমা" }, { "Nasrin", "নাসরিন" }, { "Shirin", "শিরিন" },
  { "Farhana", "ফারহানা" }, { "Taslima", "তাসলিমা" }, { "Rokeya", "রোকেয়া" },
  { "Nusrat", "নুসরাত" }, { "Sharmin", "শারমিন" }, { "Sadia", "সাদিয়া" },
  { "Tahmina", "তাহমিনা" }, { "Rumana", "রুমানা" }, { "Laila", "লাইলা" },
  { "Moushumi", "মৌসুমী" }, { "Nazia", "নাজিয়া" }, { "Priya", "প্রিয়া" }, { "Ruma", "রুমা" },
  { "Shapla", "শাপলা" }, { "Afroza", "আফরোজা" }, { "Mahmuda", "মাহমুদা" },
  { "Sabrina", "সাবরিনা" }, { "Anika", "অনিকা" },
};

/* Arabic-speaking countries of the Middle East and North and East Africa */

static const CohortDemoName arabic_family[] = {
  { "Al-Hassan", "الحسن" }, { "Haddad", "حداد" }, { "Khalil", "خليل" }, { "Nasser", "ناصر" },
  { "Saleh", "صالح" }, { "Mansour", "منصور" }, { "Ibrahim", "إبراهيم" }, { "Hamdan", "حمدان" },
  { "Abbas", "عباس" }, { "Al-Masri", "المصري" }, { "Darwish", "درويش" }, { "Habib", "حبيب" },
  { "Yousef", "يوسف" }, { "Khoury", "خوري" }, { "Odeh", "عودة" }, { "Jaber", "جابر" },
  { "Al-Amin", "الأمين" }, { "Qasim", "قاسم" }, { "Suleiman", "سليمان" },
  { "Barakat", "بركات" }, { "Farouk", "فاروق" }, { "Hijazi", "حجازي" },
  { "Al-Zoubi", "الزعبي" }, { "Awad", "عوض" }, { "Shaheen", "شاهين" }, { "Rashid", "رشيد" },
  { "Al-Tamimi", "التميمي" }, { "Zaki", "زكي" }, { "Mahmoud", "محمود" }, { "Hussein", "حسين" },
  { "Othman", "عثمان" },
};

static const CohortDemoName arabic_male[] = {
  { "Mohammad", "محمد" }, { "Ahmad", "أحمد" }, { "Omar", "عمر" }, { "Ali", "علي" },
  { "Khaled", "خالد" }, { "Yousef", "يوسف" }, { "Hassan", "حسن" }, { "Hussein", "حسين" },
  { "Mahmoud", "محمود" }, { "Samer", "سامر" }, { "Tariq", "طارق" }, { "Ibrahim", "إبراهيم" },
  { "Fadi", "فادي" }, { "Rami", "رامي" }, { "Karim", "كريم" }, { "Bilal", "بلال" },
  { "Ziad", "زياد" }, { "Mustafa", "مصطفى" }, { "Hamza", "حمزة" }, { "Nabil", "نبيل" },
  { "Walid", "وليد" }, { "Majed", "ماجد" }, { "Amjad", "أمجد" }, { "Saif", "سيف" },
  { "Anas", "أنس" },
};

static const CohortDemoName arabic_female[] = {
  { "Fatima", "فاطمة" }, { "Mariam", "مريم" }, { "Layla", "ليلى" }, { "Noor", "نور" },
  { "Rania", "رانيا" }, { "Huda", "هدى" }, { "Sara", "سارة" }, { "Aisha", "عائشة" },
  { "Dina", "دينا" }, { "Hala", "هالة" }, { "Lina", "لينا" }, { "Rana", "رنا" },
  { "Salma", "سلمى" }, { "Amal", "أمل" }, { "Reem", "ريم" }, { "Yasmin", "ياسمين" },
  { "Zainab", "زينب" }, { "Hiba", "هبة" }, { "Nadia", "نادية" }, { "Samar", "سمر" },
  { "Farah", "فرح" }, { "Dalia", "داليا" }, { "Maha", "مها" }, { "Asma", "أسماء" },
  { "Ghada", "غادة" },
};

/* Afghanistan (Dari, in Persian script) */

static const CohortDemoName dari_family[] = {
  { "Ahmadi", "احمدی" }, { "Rahimi", "رحیمی" }, { "Hashimi", "هاشمی" }, { "Karimi", "کریمی" },
  { "Sultani", "سلطانی" }, { "Noori", "نوری" }, { "Mohammadi", "محمدی" }, { "Hakimi", "حکیمی" },
  { "Popal", "پوپل" }, { "Sadat", "سادات" }, { "Stanekzai", "ستانکزی" }, { "Wardak", "وردک" },
  { "Haidari", "حیدری" }, { "Azizi", "عزیزی" }, { "Rezaei", "رضایی" }, { "Jalali", "جلالی" },
  { "Amiri", "امیری" }, { "Habibi", "حبیبی" }, { "Nazari", "نظری" }, { "Safi", "صافی" },
  { "Yousufzai", "یوسفزی" }, { "Qaderi", "قادری" }, { "Samadi", "صمدی" }, { "Rasuli", "رسولی" },
};

static const CohortDemoName dari_male[] = {
  { "Ahmad", "احمد" }, { "Mohammad", "محمد" }, { "Abdullah", "عبدالله" }, { "Farid", "فرید" },
  { "Hamid", "حمید" }, { "Jawad", "جواد" }, { "Mustafa", "مصطفی" }, { "Nasir", "ناصر" },
  { "Omid", "امید" }, { "Rahim", "رحیم" }, { "Sayed", "سید" }, { "Shafiq", "شفیق" },
  { "Wahid", "وحید" }, { "Habib", "حبیب" }, { "Javid", "جاوید" }, { "Khalid", "خالد" },
  { "Mirwais", "میرویس" }, { "Naweed", "نوید" }, { "Rashid", "رشید" }, { "Yama", "یما" },
};

static const CohortDemoName dari_female[] = {
  { "Fatima", "فاطمه" }, { "Maryam", "مریم" }, { "Zahra", "زهرا" }, { "Shabnam", "شبنم" },
  { "Farzana", "فرزانه" }, { "Nargis", "نرگس" }, { "Parwana", "پروانه" }, { "Mursal", "مرسل" },
  { "Sima", "سیما" }, { "Homa", "هما" }, { "Mina", "مینا" }, { "Laila", "لیلا" },
  { "Freshta", "فرشته" }, { "Sahar", "سحر" }, { "Roya", "رویا" }, { "Nilofar", "نیلوفر" },
  { "Khadija", "خدیجه" }, { "Shukria", "شکریه" }, { "Mahbooba", "محبوبه" },
  { "Zarghona", "زرغونه" }, { "Hasina", "حسینه" }, { "Arezo", "آرزو" },
};

/* Pakistan (Urdu) */

static const CohortDemoName urdu_family[] = {
  { "Khan", "خان" }, { "Ahmed", "احمد" }, { "Ali", "علی" }, { "Hussain", "حسین" },
  { "Malik", "ملک" }, { "Qureshi", "قریشی" }, { "Sheikh", "شیخ" }, { "Butt", "بٹ" },
  { "Chaudhry", "چوہدری" }, { "Raza", "رضا" }, { "Siddiqui", "صدیقی" }, { "Shah", "شاہ" },
  { "Iqbal", "اقبال" }, { "Akhtar", "اختر" }, { "Javed", "جاوید" }, { "Mirza", "مرزا" },
  { "Abbasi", "عباسی" }, { "Rana", "رانا" }, { "Baig", "بیگ" }, { "Bhatti", "بھٹی" },
  { "Anwar", "انور" }, { "Aslam", "اسلم" },
};

static const CohortDemoName urdu_male[] = {
  { "Muhammad", "محمد" }, { "Imran", "عمران" }, { "Asif", "آصف" }, { "Bilal", "بلال" },
  { "Usman", "عثمان" }, { "Hamza", "حمزہ" }, { "Faisal", "فیصل" }, { "Kamran", "کامران" },
  { "Adnan", "عدنان" }, { "Zeeshan", "ذیشان" }, { "Waqar", "وقار" }, { "Tariq", "طارق" },
  { "Salman", "سلمان" }, { "Naveed", "نوید" }, { "Fahad", "فہد" }, { "Shahzad", "شہزاد" },
  { "Ahsan", "احسن" }, { "Junaid", "جنید" }, { "Omer", "عمر" }, { "Saad", "سعد" },
};

static const CohortDemoName urdu_female[] = {
  { "Ayesha", "عائشہ" }, { "Fatima", "فاطمہ" }, { "Sana", "ثناء" }, { "Hina", "حنا" },
  { "Saima", "صائمہ" }, { "Nadia", "نادیہ" }, { "Amna", "آمنہ" }, { "Maria", "ماریہ" },
  { "Sadia", "سعدیہ" }, { "Rabia", "رابعہ" }, { "Mehwish", "مہوش" }, { "Asma", "اسماء" },
  { "Samina", "ثمینہ" }, { "Farah", "فرح" }, { "Zainab", "زینب" }, { "Kiran", "کرن" },
  { "Nida", "ندا" }, { "Sidra", "سدرہ" }, { "Iqra", "اقراء" },
};

/* Ethiopia (Amharic): the second name is the father's given name. */

static const CohortDemoName amharic_male[] = {
  { "Abebe", "አበበ" }, { "Alemu", "አለሙ" }, { "Bekele", "በቀለ" }, { "Dawit", "ዳዊት" },
  { "Girma", "ግርማ" }, { "Haile", "ኃይሌ" }, { "Kebede", "ከበደ" }, { "Mesfin", "መስፍን" },
  { "Solomon", "ሰለሞን" }, { "Tesfaye", "ተስፋዬ" }, { "Yohannes", "ዮሐንስ" },
  { "Getachew", "ጌታቸው" }, { "Tadesse", "ታደሰ" }, { "Mulugeta", "ሙሉጌታ" },
  { "Berhanu", "ብርሃኑ" }, { "Fikru", "ፍቅሩ" }, { "Henok", "ሄኖክ" }, { "Samuel", "ሳሙኤል" },
  { "Biniam", "ቢኒያም" }, { "Ermias", "ኤርሚያስ" }, { "Yonas", "ዮናስ" }, { "Desta", "ደስታ" },
  { "Assefa", "አሰፋ" }, { "Wondimu", "ወንድሙ" }, { "Tekle", "ተክሌ" }, { "Negash", "ነጋሽ" },
  { "Belay", "በላይ" }, { "Mekonnen", "መኮንን" }, { "Tilahun", "ጥላሁን" }, { "Worku", "ወርቁ" },
};

static const CohortDemoName amharic_female[] = {
  { "Almaz", "አልማዝ" }, { "Tigist", "ትዕግስት" }, { "Meseret", "መሰረት" }, { "Hiwot", "ሕይወት" },
  { "Selamawit", "ሰላማዊት" }, { "Bethlehem", "ቤተልሔም" }, { "Mahlet", "ማህሌት" },
  { "Hanna", "ሐና" }, { "Meron", "ሜሮን" }, { "Rahel", "ራሔል" }, { "Tsion", "ጽዮን" },
  { "Eden", "ኤደን" }, { "Liya", "ሊያ" }, { "Saba", "ሳባ" }, { "Yeshi", "የሺ" },
  { "Aster", "አስቴር" }, { "Genet", "ገነት" }, { "Frehiwot", "ፍሬሕይወት" }, { "Mekdes", "መቅደስ" },
  { "Selam", "ሰላም" }, { "Birtukan", "ብርቱካን" }, { "Helen", "ሄለን" }, { "Tirunesh", "ጥሩነሽ" },
  { "Zewditu", "ዘውዲቱ" },
};

/* Ukraine (Cyrillic, romanised with the national transliteration of passports) */

static const CohortDemoName ukrainian_family[] = {
  { "Kovalenko", "Коваленко" }, { "Shevchenko", "Шевченко" }, { "Bondarenko", "Бондаренко" },
  { "Tkachenko", "Ткаченко" }, { "Kravchenko", "Кравченко" }, { "Oliinyk", "Олійник" },
  { "Shevchuk", "Шевчук" }, { "Polishchuk", "Поліщук" }, { "Melnyk", "Мельник" },
  { "Boiko", "Бойко" }, { "Kovalchuk", "Ковальчук" }, { "Lysenko", "Лисенко" },
  { "Marchenko", "Марченко" }, { "Rudenko", "Руденко" }, { "Savchenko", "Савченко" },
  { "Petrenko", "Петренко" }, { "Moroz", "Мороз" }, { "Pavlenko", "Павленко" },
  { "Klymenko", "Клименко" }, { "Levchenko", "Левченко" }, { "Ponomarenko", "Пономаренко" },
  { "Tkachuk", "Ткачук" }, { "Kuzmenko", "Кузьменко" }, { "Karpenko", "Карпенко" },
  { "Savchuk", "Савчук" }, { "Vasylenko", "Василенко" }, { "Hrytsenko", "Гриценко" },
  { "Lytvyn", "Литвин" }, { "Zinchenko", "Зінченко" }, { "Koval", "Коваль" },
  { "Sydorenko", "Сидоренко" },
};

static const CohortDemoName ukrainian_male[] = {
  { "Oleksandr", "Олександр" }, { "Andrii", "Андрій" }, { "Serhii", "Сергій" },
  { "Volodymyr", "Володимир" }, { "Dmytro", "Дмитро" }, { "Mykola", "Микола" },
  { "Yurii", "Юрій" }, { "Oleh", "Олег" }, { "Ivan", "Іван" }, { "Vasyl", "Василь" },
  { "Taras", "Тарас" }, { "Bohdan", "Богдан" }, { "Maksym", "Максим" }, { "Roman", "Роман" },
  { "Vitalii", "Віталій" }, { "Ihor", "Ігор" }, { "Petro", "Петро" }, { "Artem", "Артем" },
  { "Denys", "Денис" }, { "Yaroslav", "Ярослав" }, { "Mykhailo", "Михайло" },
  { "Pavlo", "Павло" }, { "Viktor", "Віктор" }, { "Anatolii", "Анатолій" },
};

static const CohortDemoName ukrainian_female[] = {
  { "Olena", "Олена" }, { "Nataliia", "Наталія" }, { "Tetiana", "Тетяна" },
  { "Iryna", "Ірина" }, { "Oksana", "Оксана" }, { "Yuliia", "Юлія" },
  { "Kateryna", "Катерина" }, { "Olha", "Ольга" }, { "Svitlana", "Світлана" },
  { "Anna", "Анна" }, { "Mariia", "Марія" }, { "Halyna", "Галина" },
  { "Liudmyla", "Людмила" }, { "Viktoriia", "Вікторія" }, { "Alina", "Аліна" },
  { "Daria", "Дарія" }, { "Sofiia", "Софія" }, { "Khrystyna", "Христина" },
  { "Anastasiia", "Анастасія" }, { "Larysa", "Лариса" }, { "Nadiia", "Надія" },
  { "Valentyna", "Валентина" }, { "Inna", "Інна" }, { "Yana", "Яна" },
};

/* Kyrgyzstan (Cyrillic, Kyrgyz and Russian names; a woman's family name ends in -a) */

static const CohortDemoName kyrgyz_family[] = {
  { "Asanov", "Асанов" }, { "Usenov", "Усенов" }, { "Abdyldaev", "Абдылдаев" },
  { "Toktogulov", "Токтогулов" }, { "Mamytov", "Мамытов" }, { "Sadykov", "Садыков" },
  { "Orozbekov", "Орозбеков" }, { "Zhumabaev", "Жумабаев" }, { "Beishenaliev", "Бейшеналиев" },
  { "Kasymov", "Касымов" }, { "Sultanov", "Султанов" }, { "Ismailov", "Исмаилов" },
  { "Tashiev", "Ташиев" }, { "Kadyrov", "Кадыров" }, { "Osmonov", "Осмонов" },
  { "Nurmatov", "Нурматов" }, { "Temirov", "Темиров" }, { "Aliev", "Алиев" },
  { "Ivanov", "Иванов" }, { "Petrov", "Петров" }, { "Kuznetsov", "Кузнецов" },
  { "Smirnov", "Смирнов" }, { "Popov", "Попов" }, { "Sokolov", "Соколов" },
};

static const CohortDemoName kyrgyz_male[] = {
  { "Nurlan", "Нурлан" }, { "Azamat", "Азамат" }, { "Bakyt", "Бакыт" }, { "Ulan", "Улан" },
  { "Talant", "Талант" }, { "Erlan", "Эрлан" }, { "Almaz", "Алмаз" }, { "Bektur", "Бектур" },
  { "Daniyar", "Данияр" }, { "Timur", "Тимур" }, { "Ruslan", "Руслан" }, { "Kanat", "Канат" },
  { "Emil", "Эмиль" }, { "Aibek", "Айбек" }, { "Marat", "Марат" }, { "Askar", "Аскар" },
  { "Sergei", "Сергей" }, { "Aleksandr", "Александр" }, { "Dmitrii", "Дмитрий" },
  { "Nursultan", "Нурсултан" },
};

static const CohortDemoName kyrgyz_female[] = {
  { "Aigul", "Айгуль" }, { "Ainura", "Айнура" }, { "Gulnara", "Гульнара" },
  { "Nazgul", "Назгуль" }, { "Cholpon", "Чолпон" }, { "Aizhan", "Айжан" }, { "Asel", "Асель" },
  { "Begaiym", "Бегайым" }, { "Elmira", "Эльмира" }, { "Zhyldyz", "Жылдыз" },
  { "Kanykei", "Каныкей" }, { "Meerim", "Мээрим" }, { "Aida", "Аида" }, { "Dinara", "Динара" },
  { "Aliya", "Алия" }, { "Saltanat", "Салтанат" }, { "Tatiana", "Татьяна" },
  { "Elena", "Елена" }, { "Olga", "Ольга" }, { "Irina", "Ирина" },
};

/* Mongolia (Cyrillic): the father's name first, then the given name. */

static const CohortDemoName mongolian_male[] = {
  { "Bat-Erdene", "Бат-Эрдэнэ" }, { "Batbayar", "Батбаяр" }, { "Ganbaatar", "Ганбаатар" },
  { "Enkhbold", "Энхболд" }, { "Erdenebat", "Эрдэнэбат" }, { "Tsogtbayar", "Цогтбаяр" },
  { "Munkhbat", "Мөнхбат" }, { "Bold", "Болд" }, { "Altangerel", "Алтангэрэл" },
  { "Sukhbaatar", "Сүхбаатар" }, { "Temuulen", "Тэмүүлэн" }, { "Tuvshin", "Түвшин" },
  { "Davaa", "Даваа" }, { "Ganzorig", "Ганзориг" }, { "Otgonbayar", "Отгонбаяр" },
  { "Naranbaatar", "Наранбаатар" }, { "Batsaikhan", "Батсайхан" },
  { "Enkhtuvshin", "Энхтүвшин" }, { "Purevdorj", "Пүрэвдорж" }, { "Chinbat", "Чинбат" },
};

static const CohortDemoName mongolian_female[] = {
  { "Enkhjargal", "Энхжаргал" }, { "Oyunchimeg", "Оюунчимэг" },
  { "Narantsetseg", "Наранцэцэг" }, { "Sarangerel", "Сарангэрэл" },
  { "Altantsetseg", "Алтанцэцэг" }, { "Bolormaa", "Болормаа" }, { "Tsetsegmaa", "Цэцэгмаа" },
  { "Oyuntsetseg", "Оюунцэцэг" }, { "Munkhzul", "Мөнхзул" }, { "Anujin", "Анужин" },
  { "Khulan", "Хулан" }, { "Nomin", "Номин" }, { "Solongo", "Солонго" },
  { "Uranchimeg", "Уранчимэг" }, { "Gerelmaa", "Гэрэлмаа" }, { "Zolzaya", "Золзаяа" },
  { "Ariunaa", "Ариунаа" }, { "Delgermaa", "Дэлгэрмаа" }, { "Odgerel", "Одгэрэл" },
  { "Tsolmon", "Цолмон" },
};

/* Viet Nam: the family name first; the passport drops the diacritics. */

static const CohortDemoName vietnamese_family[] = {
  { "Nguyen", "Nguyễn" }, { "Tran", "Trần" }, { "Le", "Lê" }, { "Pham", "Phạm" },
  { "Hoang", "Hoàng" }, { "Huynh", "Huỳnh" }, { "Phan", "Phan" }, { "Vu", "Vũ" },
  { "Vo", "Võ" }, { "Dang", "Đặng" }, { "Bui", "Bùi" }, { "Do", "Đỗ" }, { "Ho", "Hồ" },
  { "Ngo", "Ngô" }, { "Duong", "Dương" }, { "Ly", "Lý" }, { "Dinh", "Đinh" },
  { "Truong", "Trương" }, { "Luong", "Lương" }, { "Mai", "Mai" }, { "Trinh", "Trịnh" },
  { "Dao", "Đào" }, { "Cao", "Cao" }, { "Ta", "Tạ" },
};

static const CohortDemoName vietnamese_male[] = {
  { "Van Minh", "Văn Minh" }, { "Duc Anh", "Đức Anh" }, { "Quang Huy", "Quang Huy" },
  { "Minh Tuan", "Minh Tuấn" }, { "Hoang Nam", "Hoàng Nam" }, { "Thanh Tung", "Thanh Tùng" },
  { "Van Hung", "Văn Hùng" }, { "Quoc Bao", "Quốc Bảo" }, { "Tien Dung", "Tiến Dũng" },
  { "Huu Phuoc", "Hữu Phước" }, { "Cong Thanh", "Công Thành" },
  { "Xuan Truong", "Xuân Trường" }, { "Ngoc Son", "Ngọc Sơn" }, { "Dinh Khoa", "Đình Khoa" },
  { "Trung Kien", "Trung Kiên" }, { "Van Long", "Văn Long" }, { "Minh Khang", "Minh Khang" },
  { "Anh Tuan", "Anh Tuấn" }, { "Hai Dang", "Hải Đăng" }, { "Duy Khanh", "Duy Khánh" },
};

static const CohortDemoName vietnamese_female[] = {
  { "Thi Mai", "Thị Mai" }, { "Thi Huong", "Thị Hương" }, { "Thi Lan", "Thị Lan" },
  { "Ngoc Anh", "Ngọc Anh" }, { "Thu Trang", "Thu Trang" }, { "Thi Hoa", "Thị Hoa" },
  { "Thanh Hang", "Thanh Hằng" }, { "Phuong Linh", "Phương Linh" },
  { "Thi Thu Ha", "Thị Thu Hà" }, { "Minh Chau", "Minh Châu" }, { "Thuy Dung", "Thùy Dung" },
  { "Bich Ngoc", "Bích Ngọc" }, { "Hong Nhung", "Hồng Nhung" }, { "Thi Thao", "Thị Thảo" },
  { "Kim Oanh", "Kim Oanh" }, { "My Linh", "Mỹ Linh" }, { "Thi Hanh", "Thị Hạnh" },
  { "Lan Anh", "Lan Anh" }, { "Khanh Vy", "Khánh Vy" }, { "Thi Ngoc Han", "Thị Ngọc Hân" },
};

/* Names written in Latin script: the romanised form is the original. */

static const CohortDemoName filipino_family[] = {
  { "Santos", NULL }, { "Reyes", NULL }, { "Cruz", NULL }, { "Bautista", NULL },
  { "Ocampo", NULL }, { "Garcia", NULL }, { "Mendoza", NULL }, { "Torres", NULL },
  { "Tomas", NULL }, { "Andrada", NULL }, { "Castillo", NULL }, { "Flores", NULL },
  { "Villanueva", NULL }, { "Ramos", NULL }, { "Castro", NULL }, { "Rivera", NULL },
  { "Aquino", NULL }, { "Navarro", NULL }, { "Salazar", NULL }, { "Mercado", NULL },
  { "Dela Cruz", NULL }, { "De Guzman", NULL }, { "Pascual", NULL }, { "Soriano", NULL },
  { "Manalo", NULL },
};

static const CohortDemoName filipino_male[] = {
  { "Jose", NULL }, { "Mark", NULL }, { "John Paul", NULL }, { "Christian", NULL },
  { "Rommel", NULL }, { "Jerome", NULL }, { "Ramon", NULL }, { "Carlo", NULL },
  { "Paolo", NULL }, { "Miguel", NULL }, { "Rafael", NULL }, { "Joseph", NULL },
  { "Noel", NULL }, { "Jayson", NULL }, { "Arnel", NULL }, { "Renato", NULL },
};

static const CohortDemoName filipino_female[] = {
  { "Maria Theresa", NULL }, { "Kristine", NULL }, { "Jennifer", NULL },
  { "Mary Grace", NULL }, { "Angelica", NULL }, { "Rowena", NULL }, { "Maricel", NULL },
  { "Joy", NULL }, { "Camille", NULL }, { "Patricia", NULL }, { "Bea", NULL },
  { "Lorna", NULL }, { "Rosario", NULL }, { "Michelle", NULL }, { "Aileen", NULL },
  { "Divina", NULL },
};

static const CohortDemoName indonesian_family[] = {
  { "Wijaya", NULL }, { "Santoso", NULL }, { "Hidayat", NULL }, { "Saputra", NULL },
  { "Kusuma", NULL }, { "Pratama", NULL }, { "Nugroho", NULL }, { "Siregar", NULL },
  { "Nasution", NULL }, { "Harahap", NULL }, { "Simanjuntak", NULL }, { "Purnomo", NULL },
  { "Setiawan", NULL }, { "Gunawan", NULL }, { "Wibowo", NULL }, { "Susanto", NULL },
  { "Halim", NULL }, { "Hutapea", NULL }, { "Sinaga", NULL }, { "Rahman", NULL },
};

static const CohortDemoName indonesian_male[] = {
  { "Budi", NULL }, { "Agus", NULL }, { "Eko", NULL }, { "Dwi", NULL }, { "Rizky", NULL },
  { "Andi", NULL }, { "Fajar", NULL }, { "Hendra", NULL }, { "Arief", NULL },
  { "Bayu", NULL }, { "Yusuf", NULL }, { "Dedi", NULL }, { "Teguh", NULL }, { "Iwan", NULL },
  { "Adi", NULL },
};

static const CohortDemoName indonesian_female[] = {
  { "Sri", NULL }, { "Dewi", NULL }, { "Siti", NULL }, { "Putri", NULL }, { "Ayu", NULL },
  { "Indah", NULL }, { "Ratna", NULL }, { "Wulan", NULL }, { "Fitri", NULL },
  { "Nurul", NULL }, { "Rina", NULL }, { "Intan", NULL }, { "Maya", NULL }, { "Yuni", NULL },
  { "Lestari", NULL },
};

static const CohortDemoName timorese_family[] = {
  { "da Silva", NULL }, { "dos Santos", NULL }, { "Soares", NULL }, { "Pereira", NULL },
  { "Guterres", NULL }, { "Belo", NULL }, { "Ximenes", NULL }, { "Amaral", NULL },
  { "Martins", NULL }, { "Alves", NULL }, { "Fernandes", NULL }, { "da Costa", NULL },
  { "Freitas", NULL }, { "Gusmão", NULL }, { "Pinto", NULL }, { "Sarmento", NULL },
  { "Lopes", NULL }, { "Carvalho", NULL }, { "Tilman", NULL }, { "Barreto", NULL },
};

static const CohortDemoName timorese_male[] = {
  { "José", NULL }, { "João", NULL }, { "António", NULL }, { "Manuel", NULL },
  { "Francisco", NULL }, { "Domingos", NULL }, { "Mário", NULL }, { "Agostinho", NULL },
  { "Fernando", NULL }, { "Zeferino", NULL }, { "Abílio", NULL }, { "Lucas", NULL },
};

static const CohortDemoName timorese_female[] = {
  { "Maria", NULL }, { "Ana", NULL }, { "Joana", NULL }, { "Rosa", NULL },
  { "Filomena", NULL }, { "Isabel", NULL }, { "Fátima", NULL }, { "Madalena", NULL },
  { "Teresa", NULL }, { "Natália", NULL }, { "Ermelinda", NULL }, { "Angelina", NULL },
};

/* East Africa: family names by country, given names shared. */

static const CohortDemoName kenyan_family[] = {
  { "Otieno", NULL }, { "Odhiambo", NULL }, { "Ochieng", NULL }, { "Kamau", NULL },
  { "Mwangi", NULL }, { "Njoroge", NULL }, { "Kiprono", NULL }, { "Cheruiyot", NULL },
  { "Mutua", NULL }, { "Wambua", NULL }, { "Kariuki", NULL }, { "Omondi", NULL },
  { "Onyango", NULL }, { "Kimani", NULL }, { "Wafula", NULL }, { "Koech", NULL },
  { "Mutiso", NULL }, { "Nyaga", NULL }, { "Chebet", NULL }, { "Macharia", NULL },
};

static const CohortDemoName ugandan_family[] = {
  { "Okello", NULL }, { "Mugisha", NULL }, { "Tumusiime", NULL }, { "Ssempijja", NULL },
  { "Kato", NULL }, { "Byaruhanga", NULL }, { "Atuhaire", NULL }, { "Kiggundu", NULL },
  { "Ochola", NULL }, { "Musoke", NULL }, { "Nsubuga", NULL }, { "Opio", NULL },
  { "Tumwine", NULL }, { "Kasozi", NULL }, { "Akena", NULL }, { "Mukasa", NULL },
  { "Ainomugisha", NULL }, { "Lubega", NULL },
};

static const CohortDemoName south_sudanese_family[] = {
  { "Deng", NULL }, { "Garang", NULL }, { "Akol", NULL }, { "Majok", NULL },
  { "Kuol", NULL }, { "Nyok", NULL }, { "Mabior", NULL }, { "Lual", NULL }, { "Chol", NULL },
  { "Malual", NULL }, { "Gatluak", NULL }, { "Kuany", NULL }, { "Ajak", NULL },
  { "Bol", NULL }, { "Lado", NULL }, { "Wani", NULL }, { "Ladu", NULL }, { "Juma", NULL },
};

static const CohortDemoName rwandan_family[] = {
  { "Uwimana", NULL }, { "Niyonzima", NULL }, { "Habimana", NULL },
  { "Nshimiyimana", NULL }, { "Uwase", NULL }, { "Mugabo", NULL }, { "Ndayisaba", NULL },
  { "Iradukunda", NULL }, { "Hakizimana", NULL }, { "Mukamana", NULL }, { "Niyitegeka", NULL },
  { "Bizimana", NULL }, { "Uwamahoro", NULL }, { "Kayitesi", NULL }, { "Munyaneza", NULL },
  { "Tuyisenge", NULL },
};

static const CohortDemoName tanzanian_family[] = {
  { "Mwakalinga", NULL }, { "Msuya", NULL }, { "Mushi", NULL }, { "Massawe", NULL },
  { "Kimaro", NULL }, { "Lyimo", NULL }, { "Mrema", NULL }, { "Mollel", NULL },
  { "Swai", NULL }, { "Shirima", NULL }, { "Mwakyusa", NULL }, { "Kisanga", NULL },
  { "Mbwambo", NULL }, { "Nyerere", NULL }, { "Salum", NULL }, { "Mfinanga", NULL },
};

static const CohortDemoName east_african_male[] = {
  { "John", NULL }, { "Peter", NULL }, { "David", NULL }, { "Joseph", NULL },
  { "James", NULL }, { "Samuel", NULL }, { "Daniel", NULL }, { "Emmanuel", NULL },
  { "Patrick", NULL }, { "Moses", NULL }, { "Paul", NULL }, { "Stephen", NULL },
  { "Brian", NULL }, { "Kevin", NULL }, { "Dennis", NULL }, { "Isaac", NULL },
  { "Godfrey", NULL }, { "Jean Paul", NULL }, { "Eric", NULL }, { "Juma", NULL },
  { "Baraka", NULL }, { "Francis", NULL }, { "Kiprop", NULL }, { "Mayen", NULL },
};

static const CohortDemoName east_african_female[] = {
  { "Mary", NULL }, { "Grace", NULL }, { "Faith", NULL }, { "Esther", NULL },
  { "Sarah", NULL }, { "Jane", NULL }, { "Ruth", NULL }, { "Mercy", NULL }, { "Joyce", NULL },
  { "Agnes", NULL }, { "Caroline", NULL }, { "Winnie", NULL }, { "Beatrice", NULL },
  { "Lydia", NULL }, { "Christine", NULL }, { "Wanjiru", NULL }, { "Akinyi", NULL },
  { "Nakato", NULL }, { "Achol", NULL }, { "Aline", NULL }, { "Neema", NULL },
  { "Zawadi", NULL },
};

/* West Africa, English-speaking */

static const CohortDemoName nigerian_family[] = {
  { "Okafor", NULL }, { "Adeyemi", NULL }, { "Okonkwo", NULL }, { "Bello", NULL },
  { "Abubakar", NULL }, { "Eze", NULL }, { "Ogunleye", NULL }, { "Nwosu", NULL },
  { "Ibrahim", NULL }, { "Musa", NULL }, { "Adebayo", NULL }, { "Chukwu", NULL },
  { "Obi", NULL }, { "Olawale", NULL }, { "Yusuf", NULL }, { "Usman", NULL },
  { "Afolabi", NULL }, { "Nnamdi", NULL },
};

static const CohortDemoName ghanaian_family[] = {
  { "Mensah", NULL }, { "Owusu", NULL }, { "Asante", NULL }, { "Boateng", NULL },
  { "Osei", NULL }, { "Agyeman", NULL }, { "Appiah", NULL }, { "Addo", NULL },
  { "Ofori", NULL }, { "Amoah", NULL }, { "Darko", NULL }, { "Acheampong", NULL },
  { "Tetteh", NULL }, { "Quaye", NULL }, { "Badu", NULL }, { "Sarpong", NULL },
};

static const CohortDemoName sierra_leonean_family[] = {
  { "Kamara", NULL }, { "Conteh", NULL }, { "Sesay", NULL }, { "Koroma", NULL },
  { "Bangura", NULL }, { "Turay", NULL }, { "Kanu", NULL }, { "Mansaray", NULL },
  { "Jalloh", NULL }, { "Kargbo", NULL }, { "Fofanah", NULL }, { "Sankoh", NULL },
  { "Kallon", NULL }, { "Massaquoi", NULL },
};

static const CohortDemoName liberian_family[] = {
  { "Johnson", NULL }, { "Kollie", NULL }, { "Flomo", NULL }, { "Tarr", NULL },
  { "Kromah", NULL }, { "Toe", NULL }, { "Dolo", NULL }, { "Kpadeh", NULL },
  { "Gbowee", NULL }, { "Sumo", NULL }, { "Zuo", NULL }, { "Kamara", NULL },
  { "Wesseh", NULL }, { "Cooper", NULL },
};

static const CohortDemoName west_african_male[] = {
  { "Emmanuel", NULL }, { "Samuel", NULL }, { "Kwame", NULL }, { "Kofi", NULL },
  { "Chinedu", NULL }, { "Oluwaseun", NULL }, { "Ibrahim", NULL }, { "Musa", NULL },
  { "Mohamed", NULL }, { "Abdul", NULL }, { "Prince", NULL }, { "Augustine", NULL },
  { "Ebenezer", NULL }, { "Tunde", NULL }, { "Yaw", NULL }, { "Alhaji", NULL },
  { "Foday", NULL }, { "Chukwuemeka", NULL },
};

static const CohortDemoName west_african_female[] = {
  { "Abena", NULL }, { "Ama", NULL }, { "Akua", NULL }, { "Ngozi", NULL },
  { "Chioma", NULL }, { "Aisha", NULL }, { "Fatmata", NULL }, { "Aminata", NULL },
  { "Hawa", NULL }, { "Blessing", NULL }, { "Esther", NULL }, { "Grace", NULL },
  { "Mariama", NULL }, { "Funmilayo", NULL }, { "Adjoa", NULL }, { "Isatu", NULL },
  { "Comfort", NULL }, { "Yetunde", NULL },
};

/* West and Central Africa, French-speaking */

static const CohortDemoName senegalese_family[] = {
  { "Diop", NULL }, { "Ndiaye", NULL }, { "Fall", NULL }, { "Sow", NULL }, { "Ba", NULL },
  { "Diallo", NULL }, { "Faye", NULL }, { "Sarr", NULL }, { "Gueye", NULL },
  { "Mbaye", NULL }, { "Sy", NULL }, { "Cissé", NULL }, { "Thiam", NULL }, { "Diouf", NULL },
};

static const CohortDemoName congolese_family[] = {
  { "Mukendi", NULL }, { "Ilunga", NULL }, { "Kalonji", NULL }, { "Mbuyi", NULL },
  { "Kasongo", NULL }, { "Lukusa", NULL }, { "Tshibangu", NULL }, { "Mutombo", NULL },
  { "Kabeya", NULL }, { "Ngoy", NULL }, { "Kalala", NULL }, { "Banza", NULL },
  { "Mwamba", NULL }, { "Nkulu", NULL }, { "Lumbala", NULL }, { "Mbala", NULL },
};

static const CohortDemoName cameroonian_family[] = {
  { "Mbarga", NULL }, { "Atangana", NULL }, { "Fotso", NULL }, { "Nkoulou", NULL },
  { "Essomba", NULL }, { "Kamga", NULL }, { "Njoya", NULL }, { "Mballa", NULL },
  { "Nana", NULL }, { "Tchamba", NULL }, { "Ngono", NULL }, { "Owona", NULL },
  { "Biya", NULL }, { "Ekambi", NULL },
};

static const CohortDemoName malian_family[] = {
  { "Traoré", NULL }, { "Keïta", NULL }, { "Coulibaly", NULL }, { "Diarra", NULL },
  { "Touré", NULL }, { "Konaté", NULL }, { "Sangaré", NULL }, { "Cissé", NULL },
  { "Dembélé", NULL }, { "Maïga", NULL }, { "Sidibé", NULL }, { "Sissoko", NULL },
  { "Doumbia", NULL }, { "Kanté", NULL },
};

static const CohortDemoName burkinabe_family[] = {
  { "Ouédraogo", NULL }, { "Sawadogo", NULL }, { "Kaboré", NULL }, { "Zongo", NULL },
  { "Compaoré", NULL }, { "Ilboudo", NULL }, { "Nikiema", NULL }, { "Zoungrana", NULL },
  { "Tapsoba", NULL }, { "Ouattara", NULL }, { "Kiendrebeogo", NULL }, { "Sanou", NULL },
  { "Yameogo", NULL }, { "Traoré", NULL },
};

static const CohortDemoName francophone_male[] = {
  { "Mamadou", NULL }, { "Moussa", NULL }, { "Ibrahima", NULL }, { "Abdoulaye", NULL },
  { "Jean-Pierre", NULL }, { "Emmanuel", NULL }, { "Patrice", NULL }, { "Serge", NULL },
  { "Christian", NULL }, { "Boubacar", NULL }, { "Ousmane", NULL }, { "Amadou", NULL },
  { "Joseph", NULL }, { "Didier", NULL }, { "Cheikh", NULL }, { "Arsène", NULL },
  { "Désiré", NULL }, { "Issa", NULL },
};

static const CohortDemoName francophone_female[] = {
  { "Aminata", NULL }, { "Fatou", NULL }, { "Mariam", NULL }, { "Awa", NULL },
  { "Aïssatou", NULL }, { "Marie-Claire", NULL }, { "Chantal", NULL }, { "Josiane", NULL },
  { "Clarisse", NULL }, { "Rokia", NULL }, { "Kadiatou", NULL }, { "Salimata", NULL },
  { "Nadège", NULL }, { "Béatrice", NULL }, { "Mireille", NULL }, { "Rasmata", NULL },
};

/* Somalia: the second name is the father's given name. */

static const CohortDemoName somali_male[] = {
  { "Abdi", NULL }, { "Ahmed", NULL }, { "Mohamed", NULL }, { "Hassan", NULL },
  { "Ali", NULL }, { "Abdirahman", NULL }, { "Abdullahi", NULL }, { "Farah", NULL },
  { "Omar", NULL }, { "Yusuf", NULL }, { "Ismail", NULL }, { "Mahad", NULL },
  { "Said", NULL }, { "Guled", NULL }, { "Liban", NULL }, { "Hussein", NULL },
  { "Jama", NULL }, { "Warsame", NULL }, { "Nur", NULL }, { "Osman", NULL },
};

static const CohortDemoName somali_female[] = {
  { "Hodan", NULL }, { "Amina", NULL }, { "Fadumo", NULL }, { "Halima", NULL },
  { "Sahra", NULL }, { "Ayan", NULL }, { "Hibo", NULL }, { "Khadra", NULL },
  { "Nimo", NULL }, { "Ifrah", NULL }, { "Faiza", NULL }, { "Sagal", NULL },
  { "Ubah", NULL }, { "Deeqa", NULL }, { "Asha", NULL }, { "Maryan", NULL },
  { "Ilhan", NULL }, { "Hamdi", NULL }, { "Idil", NULL }, { "Nasra", NULL },
};

/* Spanish-speaking Latin America: two family names, the father's then the mother's. */

static const CohortDemoName spanish_family[] = {
  { "García", NULL }, { "Rodríguez", NULL }, { "Martínez", NULL }, { "López", NULL },
  { "González", NULL }, { "Hernández", NULL }, { "Pérez", NULL }, { "Sánchez", NULL },
  { "Ramírez", NULL }, { "Torres", NULL }, { "Flores", NULL }, { "Rivera", NULL },
  { "Gómez", NULL }, { "Díaz", NULL }, { "Morales", NULL }, { "Vargas", NULL },
  { "Castillo", NULL }, { "Jiménez", NULL }, { "Rojas", NULL }, { "Mendoza", NULL },
  { "Herrera", NULL }, { "Medina", NULL }, { "Aguilar", NULL }, { "Castro", NULL },
  { "Ortiz", NULL }, { "Gutiérrez", NULL }, { "Chávez", NULL }, { "Ramos", NULL },
  { "Quispe", NULL }, { "Mamani", NULL }, { "Cardona", NULL }, { "Restrepo", NULL },
  { "Osorio", NULL }, { "Cifuentes", NULL },
};

static const CohortDemoName spanish_male[] = {
  { "Juan Carlos", NULL }, { "José Luis", NULL }, { "Carlos", NULL }, { "Andrés", NULL },
  { "Luis Fernando", NULL }, { "Diego", NULL }, { "Miguel Ángel", NULL }, { "Jorge", NULL },
  { "Alejandro", NULL }, { "Santiago", NULL }, { "Camilo", NULL }, { "Julián", NULL },
  { "Óscar", NULL }, { "Sebastián", NULL }, { "Felipe", NULL }, { "Javier", NULL },
  { "Ricardo", NULL }, { "Mario", NULL },
};

static const CohortDemoName spanish_female[] = {
  { "María José", NULL }, { "Ana María", NULL }, { "Daniela", NULL }, { "Valentina", NULL },
  { "Camila", NULL }, { "Laura", NULL }, { "Carolina", NULL }, { "Paula", NULL },
  { "Natalia", NULL }, { "Andrea", NULL }, { "Gabriela", NULL }, { "Claudia", NULL },
  { "Sofía", NULL }, { "Luisa Fernanda", NULL }, { "Diana", NULL }, { "Mónica", NULL },
  { "Lucía", NULL }, { "Rosa", NULL },
};

/* Haiti */

static const CohortDemoName haitian_family[] = {
  { "Jean", NULL }, { "Pierre", NULL }, { "Joseph", NULL }, { "Louis", NULL },
  { "Charles", NULL }, { "Dorvil", NULL }, { "Étienne", NULL }, { "Baptiste", NULL },
  { "Michel", NULL }, { "François", NULL }, { "Augustin", NULL }, { "Célestin", NULL },
  { "Noël", NULL }, { "Saint-Fleur", NULL }, { "Jean-Baptiste", NULL }, { "Toussaint", NULL },
  { "Casimir", NULL }, { "Moïse", NULL },
};

static const CohortDemoName haitian_male[] = {
  { "Jean-Robert", NULL }, { "Wilson", NULL }, { "Frantz", NULL }, { "Jean-Claude", NULL },
  { "Ronald", NULL }, { "Réginald", NULL }, { "Stanley", NULL }, { "Evens", NULL },
  { "Wesner", NULL }, { "Jocelyn", NULL }, { "Kervens", NULL }, { "Dieudonné", NULL },
};

static const CohortDemoName haitian_female[] = {
  { "Marie-Claude", NULL }, { "Nadège", NULL }, { "Guerline", NULL }, { "Fabiola", NULL },
  { "Roseline", NULL }, { "Mirlande", NULL }, { "Darline", NULL }, { "Nathalie", NULL },
  { "Judith", NULL }, { "Widline", NULL }, { "Marie-Ange", NULL }, { "Stéphanie", NULL },
};

#define CULTURE(id, compose, family_first, gendered, family, male, female) \
  { id, COHORT_DEMO_COMPOSE_##compose, family_first, gendered, family, male, female }
#define NO_FAMILY NULL, 0

static const CohortDemoCulture japanese = CULTURE ("ja", FAMILY_GIVEN, TRUE, FALSE,
  LIST (japanese_family), LIST (japanese_male), LIST (japanese_female));
static const CohortDemoCulture khmer = CULTURE ("km", FAMILY_GIVEN, TRUE, FALSE,
  LIST (khmer_family), LIST (khmer_male), LIST (khmer_female));
static const CohortDemoCulture thai = CULTURE ("th", FAMILY_GIVEN, FALSE, FALSE,
  LIST (thai_family), LIST (thai_male), LIST (thai_female));
static const CohortDemoCulture nepali = CULTURE ("ne", FAMILY_GIVEN, FALSE, FALSE,
  LIST (nepali_family), LIST (nepali_male), LIST (nepali_female));
static const CohortDemoCulture burmese = CULTURE ("my", SYLLABLES, FALSE, FALSE,
  NO_FAMILY, LIST (burmese_male), LIST (burmese_female));
static const CohortDemoCulture bengali = CULTURE ("bn", FAMILY_GIVEN, FALSE, FALSE,
  LIST (bengali_family), LIST (bengali_male), LIST (bengali_female));
static const CohortDemoCulture arabic = CULTURE ("ar", FAMILY_GIVEN, FALSE, FALSE,
  LIST (arabic_family), LIST (arabic_male), LIST (arabic_female));
static const CohortDemoCulture dari = CULTURE ("prs", FAMILY_GIVEN, FALSE, FALSE,
  LIST (dari_family), LIST (dari_male), LIST (dari_female));
static const CohortDemoCulture urdu = CULTURE ("ur", FAMILY_GIVEN, FALSE, FALSE,
  LIST (urdu_family), LIST (urdu_male), LIST (urdu_female));
static const CohortDemoCulture amharic = CULTURE ("am", PATRONYMIC, FALSE, FALSE,
  NO_FAMILY, LIST (amharic_male), LIST (amharic_female));
static const CohortDemoCulture ukrainian = CULTURE ("uk", FAMILY_GIVEN, FALSE, FALSE,
  LIST (ukrainian_family), LIST (ukrainian_male), LIST (ukrainian_female));
static const CohortDemoCulture kyrgyz = CULTURE ("ky", FAMILY_GIVEN, FALSE, TRUE,
  LIST (kyrgyz_family), LIST (kyrgyz_male), LIST (kyrgyz_female));
static const CohortDemoCulture mongolian = CULTURE ("mn", PATRONYMIC, TRUE, FALSE,
  NO_FAMILY, LIST (mongolian_male), LIST (mongolian_female));
static const CohortDemoCulture vietnamese = CULTURE ("vi", FAMILY_GIVEN, TRUE, FALSE,
  LIST (vietnamese_family), LIST (vietnamese_male), LIST (vietnamese_female));
static const CohortDemoCulture filipino = CULTURE ("fil", FAMILY_GIVEN, FALSE, FALSE,
  LIST (filipino_family), LIST (filipino_male), LIST (filipino_female));
static const CohortDemoCulture indonesian = CULTURE ("id", FAMILY_GIVEN, FALSE, FALSE,
  LIST (indonesian_family), LIST (indonesian_male), LIST (indonesian_female));
static const CohortDemoCulture timorese = CULTURE ("tet", FAMILY_GIVEN, FALSE, FALSE,
  LIST (timorese_family), LIST (timorese_male), LIST (timorese_female));
static const CohortDemoCulture kenyan = CULTURE ("sw-KE", FAMILY_GIVEN, FALSE, FALSE,
  LIST (kenyan_family), LIST (east_african_male), LIST (east_african_female));
static const CohortDemoCulture ugandan = CULTURE ("lg", FAMILY_GIVEN, FALSE, FALSE,
  LIST (ugandan_family), LIST (east_african_male), LIST (east_african_female));
static const CohortDemoCulture south_sudanese = CULTURE ("din", FAMILY_GIVEN, FALSE, FALSE,
  LIST (south_sudanese_family), LIST (east_african_male), LIST (east_african_female));
static const CohortDemoCulture rwandan = CULTURE ("rw", FAMILY_GIVEN, FALSE, FALSE,
  LIST (rwandan_family), LIST (east_african_male), LIST (east_african_female));
static const CohortDemoCulture tanzanian = CULTURE ("sw-TZ", FAMILY_GIVEN, FALSE, FALSE,
  LIST (tanzanian_family), LIST (east_african_male), LIST (east_african_female));
static const CohortDemoCulture nigerian = CULTURE ("en-NG", FAMILY_GIVEN, FALSE, FALSE,
  LIST (nigerian_family), LIST (west_african_male), LIST (west_african_female));
static const CohortDemoCulture ghanaian = CULTURE ("en-GH", FAMILY_GIVEN, FALSE, FALSE,
  LIST (ghanaian_family), LIST (west_african_male), LIST (west_african_female));
static const CohortDemoCulture sierra_leonean = CULTURE ("en-SL", FAMILY_GIVEN, FALSE, FALSE,
  LIST (sierra_leonean_family), LIST (west_african_male), LIST (west_african_female));
static const CohortDemoCulture liberian = CULTURE ("en-LR", FAMILY_GIVEN, FALSE, FALSE,
  LIST (liberian_family), LIST (west_african_male), LIST (west_african_female));
static const CohortDemoCulture senegalese = CULTURE ("fr-SN", FAMILY_GIVEN, FALSE, FALSE,
  LIST (senegalese_family), LIST (francophone_male), LIST (francophone_female));
static const CohortDemoCulture congolese = CULTURE ("fr-CD", FAMILY_GIVEN, FALSE, FALSE,
  LIST (congolese_family), LIST (francophone_male), LIST (francophone_female));
static const CohortDemoCulture cameroonian = CULTURE ("fr-CM", FAMILY_GIVEN, FALSE, FALSE,
  LIST (cameroonian_family), LIST (francophone_male), LIST (francophone_female));
static const CohortDemoCulture malian = CULTURE ("fr-ML", FAMILY_GIVEN, FALSE, FALSE,
  LIST (malian_family), LIST (francophone_male), LIST (francophone_female));
static const CohortDemoCulture burkinabe = CULTURE ("fr-BF", FAMILY_GIVEN, FALSE, FALSE,
  LIST (burkinabe_family), LIST (francophone_male), LIST (francophone_female));
static const CohortDemoCulture somali = CULTURE ("so", PATRONYMIC, FALSE, FALSE,
  NO_FAMILY, LIST (somali_male), LIST (somali_female));
static const CohortDemoCulture spanish = CULTURE ("es", DOUBLE_SURNAME, FALSE, FALSE,
  LIST (spanish_family), LIST (spanish_male), LIST (spanish_female));
static const CohortDemoCulture haitian = CULTURE ("ht", FAMILY_GIVEN, FALSE, FALSE,
  LIST (haitian_family), LIST (haitian_male), LIST (haitian_female));

#define ASIA COHORT_DEMO_REGION_ASIA
#define MIDDLE_EAST COHORT_DEMO_REGION_MIDDLE_EAST
#define AFRICA COHORT_DEMO_REGION_AFRICA
#define LATIN_AMERICA COHORT_DEMO_REGION_LATIN_AMERICA
#define EUROPE COHORT_DEMO_REGION_EUROPE
#define OTHER COHORT_DEMO_REGION_OTHER

static const CohortDemoCountry japan = {
  "JP", "Japan", "Tokyo", "+81", COHORT_DEMO_REGION_JAPAN, &japanese, 0
};

/* The countries whose nationals may be eligible (a list is drawn for each year), then countries
 * that are only duty stations. */
static const CohortDemoCountry countries[] = {
  { "AF", "Afghanistan", "Kabul", "+93", ASIA, &dari, 0 },
  { "BD", "Bangladesh", "Dhaka", "+880", ASIA, &bengali, 0 },
  { "KH", "Cambodia", "Phnom Penh", "+855", ASIA, &khmer, 0 },
  { "ID", "Indonesia", "Jakarta", "+62", ASIA, &indonesian, 0 },
  { "KG", "Kyrgyzstan", "Bishkek", "+996", ASIA, &kyrgyz, 0 },
  { "MN", "Mongolia", "Ulaanbaatar", "+976", ASIA, &mongolian, 0 },
  { "MM", "Myanmar", "Yangon", "+95", ASIA, &burmese, 0 },
  { "NP", "Nepal", "Kathmandu", "+977", ASIA, &nepali, 0 },
  { "PK", "Pakistan", "Islamabad", "+92", ASIA, &urdu, 0 },
  { "PH", "Philippines", "Manila", "+63", ASIA, &filipino, 0 },
  { "TH", "Thailand", "Bangkok", "+66", ASIA, &thai, 0 },
  { "TL", "Timor-Leste", "Dili", "+670", ASIA, &timorese, 0 },
  { "VN", "Viet Nam", "Hanoi", "+84", ASIA, &vietnamese, 0 },
  { "EG", "Egypt", "Cairo", "+20", MIDDLE_EAST, &arabic, 0 },
  { "IQ", "Iraq", "Baghdad", "+964", MIDDLE_EAST, &arabic, 0 },
  { "JO", "Jordan", "Amman", "+962", MIDDLE_EAST, &arabic, 0 },
  { "LB", "Lebanon", "Beirut", "+961", MIDDLE_EAST, &arabic, 0 },
  { "PS", "Palestine", "Jerusalem", "+970", MIDDLE_EAST, &arabic, 0 },
  { "SY", "Syria", "Damascus", "+963", MIDDLE_EAST, &arabic, 0 },
  { "YE", "Yemen", "Sana'a", "+967", MIDDLE_EAST, &arabic, 0 },
  { "BF", "Burkina Faso", "Ouagadougou", "+226", AFRICA, &burkinabe, 0 },
  { "CM", "Cameroon", "Yaoundé", "+237", AFRICA, &cameroonian, 0 },
  { "CD", "Democratic Republic of the Congo", "Kinshasa", "+243", AFRICA, &congolese, 0 },
  { "ET", "Ethiopia", "Addis Ababa", "+251", AFRICA, &amharic, 0 },
  { "GH", "Ghana", "Accra", "+233", AFRICA, &ghanaian, 0 },
  { "KE", "Kenya", "Nairobi", "+254", AFRICA, &kenyan, 0 },
  { "LR", "Liberia", "Monrovia", "+231", AFRICA, &liberian, 0 },
  { "ML", "Mali", "Bamako", "+223", AFRICA, &malian, 0 },
  { "NG", "Nigeria", "Abuja", "+234", AFRICA, &nigerian, 0 },
  { "RW", "Rwanda", "Kigali", "+250", AFRICA, &rwandan, 0 },
  { "SN", "Senegal", "Dakar", "+221", AFRICA, &senegalese, 0 },
  { "SL", "Sierra Leone", "Freetown", "+232", AFRICA, &sierra_leonean, 0 },
  { "SO", "Somalia", "Mogadishu", "+252", AFRICA, &somali, 0 },
  { "SS", "South Sudan", "Juba", "+211", AFRICA, &south_sudanese, 0 },
  { "SD", "Sudan", "Khartoum", "+249", AFRICA, &arabic, 0 },
  { "TZ", "Tanzania", "Dar es Salaam", "+255", AFRICA, &tanzanian, 0 },
  { "UG", "Uganda", "Kampala", "+256", AFRICA, &ugandan, 0 },
  { "CO", "Colombia", "Bogotá", "+57", LATIN_AMERICA, &spanish, 0 },
  { "SV", "El Salvador", "San Salvador", "+503", LATIN_AMERICA, &spanish, 0 },
  { "GT", "Guatemala", "Guatemala City", "+502", LATIN_AMERICA, &spanish, 0 },
  { "HT", "Haiti", "Port-au-Prince", "+509", LATIN_AMERICA, &haitian, 0 },
  { "HN", "Honduras", "Tegucigalpa", "+504", LATIN_AMERICA, &spanish, 0 },
  { "PE", "Peru", "Lima", "+51", LATIN_AMERICA, &spanish, 0 },
  { "UA", "Ukraine", "Kyiv", "+380", EUROPE, &ukrainian, 2022 },
  { "CF", "Central African Republic", "Bangui", "+236", OTHER, NULL, 0 },
  { "TD", "Chad", "N'Djamena", "+235", OTHER, NULL, 0 },
  { "NE", "Niger", "Niamey", "+227", OTHER, NULL, 0 },
  { "TR", "Türkiye", "Ankara", "+90", OTHER, NULL, 0 },
};

/* The agencies that host placements, with the titles their placements carry. */
static const CohortDemoAgency agencies[] = {
  { "UNHCR", "Office of the United Nations High Commissioner for Refugees", "CH", "Geneva",
    FALSE, { "Associate Protection Officer", "Associate Field Officer",
             "Community-Based Protection Associate", "Associate Registration Officer", NULL } },
  { "WFP", "World Food Programme", "IT", "Rome",
    FALSE, { "Programme Policy Officer", "Associate Logistics Officer",
             "Monitoring and Evaluation Officer", "Cash-Based Transfers Officer", NULL } },
  { "UNDP", "United Nations Development Programme", "US", "New York",
    FALSE, { "Peacebuilding Officer", "Programme Analyst", "Governance Officer",
             "Rule of Law Officer", NULL } },
  { "UNICEF", "United Nations Children's Fund", "US", "New York",
    FALSE, { "Child Protection Officer", "Education Officer", "WASH Officer",
             "Reporting Officer", NULL } },
  { "IOM", "International Organization for Migration", "CH", "Geneva",
    FALSE, { "Migration Officer", "Displacement Tracking Officer",
             "Camp Coordination Officer", NULL } },
  { "OCHA", "United Nations Office for the Coordination of Humanitarian Affairs", "US",
    "New York", FALSE, { "Humanitarian Affairs Officer", "Information Management Officer",
                         "Access Officer", NULL } },
  { "UNFPA", "United Nations Population Fund", "US", "New York",
    FALSE, { "Gender-Based Violence Officer", "Reproductive Health Officer", NULL } },
  { "UN Women", "United Nations Entity for Gender Equality and the Empowerment of Women", "US",
    "New York", FALSE, { "Women, Peace and Security Officer", "Programme Officer", NULL } },
  { "UNOPS", "United Nations Office for Project Services", "DK", "Copenhagen",
    FALSE, { "Project Officer", "Procurement Officer", NULL } },
  { "FAO", "Food and Agriculture Organization of the United Nations", "IT", "Rome",
    FALSE, { "Food Security Officer", "Resilience Officer", NULL } },
  { "WHO", "World Health Organization", "CH", "Geneva",
    FALSE, { "Health Cluster Officer", "Emergency Officer", NULL } },
  { "UNMISS", "United Nations Mission in the Republic of South Sudan", "SS", "Juba",
    TRUE, { "Civil Affairs Officer", "Protection of Civilians Officer",
            "Reporting Officer", NULL } },
  { "UNRWA", "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
    "JO", "Amman", FALSE, { "Operations Support Officer", "Protection Officer", NULL } },
};

/* Field offices in real duty stations. */
static const CohortDemoDutyStation duty_stations[] = {
  { "UNHCR", "BD", "Cox's Bazar" }, { "UNHCR", "KE", "Kakuma" }, { "UNHCR", "KE", "Dadaab" },
  { "UNHCR", "UG", "Arua" }, { "UNHCR", "JO", "Mafraq" }, { "UNHCR", "IQ", "Erbil" },
  { "UNHCR", "TD", "Abéché" }, { "UNHCR", "ET", "Gambella" }, { "UNHCR", "MM", "Sittwe" },
  { "UNHCR", "AF", "Jalalabad" }, { "UNHCR", "PK", "Peshawar" }, { "UNHCR", "UA", "Dnipro" },
  { "UNHCR", "CO", "Cúcuta" }, { "UNHCR", "TZ", "Kibondo" }, { "UNHCR", "RW", "Kirehe" },
  { "UNHCR", "NE", "Agadez" }, { "UNHCR", "SS", "Maban" }, { "UNHCR", "LB", "Zahle" },
  { "WFP", "SS", "Juba" }, { "WFP", "SS", "Bor" }, { "WFP", "YE", "Sana'a" },
  { "WFP", "SO", "Mogadishu" }, { "WFP", "SY", "Aleppo" }, { "WFP", "ET", "Jijiga" },
  { "WFP", "KE", "Lodwar" }, { "WFP", "HT", "Cap-Haïtien" }, { "WFP", "ML", "Mopti" },
  { "WFP", "AF", "Kandahar" }, { "WFP", "BD", "Cox's Bazar" },
  { "UNDP", "AF", "Kabul" }, { "UNDP", "TL", "Dili" }, { "UNDP", "KH", "Phnom Penh" },
  { "UNDP", "NP", "Kathmandu" }, { "UNDP", "IQ", "Mosul" }, { "UNDP", "PS", "Jerusalem" },
  { "UNDP", "SL", "Freetown" }, { "UNDP", "LR", "Monrovia" },
  { "UNDP", "GT", "Guatemala City" }, { "UNDP", "UA", "Kharkiv" }, { "UNDP", "LB", "Tripoli" },
  { "UNDP", "SD", "El Fasher" }, { "UNDP", "BD", "Rangamati" },
  { "UNICEF", "JO", "Amman" }, { "UNICEF", "SS", "Juba" }, { "UNICEF", "SO", "Hargeisa" },
  { "UNICEF", "NG", "Maiduguri" }, { "UNICEF", "CD", "Goma" }, { "UNICEF", "CF", "Bangui" },
  { "UNICEF", "YE", "Aden" }, { "UNICEF", "SY", "Damascus" }, { "UNICEF", "MM", "Myitkyina" },
  { "IOM", "IQ", "Erbil" }, { "IOM", "BD", "Cox's Bazar" }, { "IOM", "HT", "Port-au-Prince" },
  { "IOM", "NE", "Agadez" }, { "IOM", "UA", "Lviv" },
  { "OCHA", "CD", "Goma" }, { "OCHA", "TR", "Gaziantep" }, { "OCHA", "YE", "Sana'a" },
  { "OCHA", "AF", "Kabul" },
  { "UNFPA", "BD", "Cox's Bazar" }, { "UNFPA", "SO", "Mogadishu" },
  { "UN Women", "AF", "Kabul" }, { "UN Women", "JO", "Amman" }, { "UN Women", "CO", "Bogotá" },
  { "UNOPS", "MM", "Yangon" }, { "UNOPS", "UA", "Kyiv" },
  { "FAO", "SO", "Mogadishu" }, { "FAO", "SS", "Juba" },
  { "WHO", "CD", "Goma" }, { "WHO", "YE", "Aden" },
  { "UNMISS", "SS", "Juba" }, { "UNMISS", "SS", "Bor" }, { "UNMISS", "SS", "Malakal" },
  { "UNMISS", "SS", "Bentiu" }, { "UNMISS", "SS", "Wau" },
  { "UNRWA", "JO", "Amman" }, { "UNRWA", "PS", "Gaza" }, { "UNRWA", "LB", "Beirut" },
};

/* Everyone else a graduate may work for, and where trainees come from. */
static const CohortDemoOrganisation organisations[] = {
  { "ngo", "Hiroshima Peacebuilders Center", "HPC", "JP", "Hiroshima" },
  { "government", "Ministry of Foreign Affairs of Japan", "MOFA", "JP", "Tokyo" },
  { "government", "Ministry of Defense of Japan", "MOD", "JP", "Tokyo" },
  { "government", "Cabinet Office, International Peace Cooperation Headquarters", NULL, "JP",
    "Tokyo" },
  { "government", "Hiroshima Prefectural Government", NULL, "JP", "Hiroshima" },
  { "development_agency", "Japan International Cooperation Agency", "JICA", "JP", "Tokyo" },
  { "development_agency", "Korea International Cooperation Agency", "KOICA", "KR",
    "Seongnam" },
  { "development_agency", "Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ",
    "DE", "Bonn" },
  { "development_agency", "Agence française de développement", "AFD", "FR", "Paris" },
  { "development_agency", "Swedish International Development Cooperation Agency", "Sida",
    "SE", "Stockholm" },
  { "international_organisation", "World Bank", "WB", "US", "Washington" },
  { "international_organisation", "Asian Development Bank", "ADB", "PH", "Manila" },
  { "international_organisation", "International Committee of the Red Cross", "ICRC", "CH",
    "Geneva" },
  { "international_organisation", "Organization for Security and Co-operation in Europe",
    "OSCE", "AT", "Vienna" },
  { "international_organisation", "International Federation of Red Cross and Red Crescent "
    "Societies", "IFRC", "CH", "Geneva" },
  { "international_organisation", "United Nations Volunteers", "UNV", "DE", "Bonn" },
  { "international_organisation", "United Nations Department of Political and Peacebuilding "
    "Affairs", "DPPA", "US", "New York" },
  { "regional_body", "African Union Commission", "AUC", "ET", "Addis Ababa" },
  { "regional_body", "ASEAN Secretariat", "ASEAN", "ID", "Jakarta" },
  { "regional_body", "Intergovernmental Authority on Development", "IGAD", "DJ", "Djibouti" },
  { "regional_body", "ECOWAS Commission", "ECOWAS", "NG", "Abuja" },
  { "ngo", "Japan Platform", "JPF", "JP", "Tokyo" },
  { "ngo", "Peace Winds Japan", "PWJ", "JP", "Hiroshima" },
  { "ngo", "Association for Aid and Relief, Japan", "AAR", "JP", "Tokyo" },
  { "ngo", "Japan International Volunteer Center", "JVC", "JP", "Tokyo" },
  { "ngo", "Médecins Sans Frontières", "MSF", "CH", "Geneva" },
  { "ngo", "Norwegian Refugee Council", "NRC", "NO", "Oslo" },
  { "ngo", "International Rescue Committee", "IRC", "US", "New York" },
  { "ngo", "Save the Children International", NULL, "GB", "London" },
  { "ngo", "CARE International", "CARE", "CH", "Geneva" },
  { "ngo", "Danish Refugee Council", "DRC", "DK", "Copenhagen" },
  { "ngo", "Mercy Corps", NULL, "US", "Portland" },
  { "ngo", "BRAC", "BRAC", "BD", "Dhaka" },
  { "ngo", "Search for Common Ground", "SFCG", "US", "Washington" },
  { "university", "Hiroshima University", NULL, "JP", "Higashihiroshima" },
  { "university", "The University of Tokyo", NULL, "JP", "Tokyo" },
  { "university", "Sophia University", NULL, "JP", "Tokyo" },
  { "university", "Waseda University", NULL, "JP", "Tokyo" },
  { "university", "Kobe University", NULL, "JP", "Kobe" },
  { "university", "Osaka University", NULL, "JP", "Suita" },
  { "university", "Makerere University", NULL, "UG", "Kampala" },
  { "university", "University of Nairobi", NULL, "KE", "Nairobi" },
  { "university", "American University of Beirut", "AUB", "LB", "Beirut" },
  { "university", "Universidad de los Andes", NULL, "CO", "Bogotá" },
  { "university", "National University of Kyiv-Mohyla Academy", NULL, "UA", "Kyiv" },
  { "university", "Royal University of Phnom Penh", "RUPP", "KH", "Phnom Penh" },
  { "university", "Tribhuvan University", NULL, "NP", "Kathmandu" },
  { "university", "Addis Ababa University", "AAU", "ET", "Addis Ababa" },
  { "university", "University of Dhaka", NULL, "BD", "Dhaka" },
  { "university", "Chulalongkorn University", NULL, "TH", "Bangkok" },
  { "university", "University for Peace", "UPEACE", "CR", "Ciudad Colón" },
  { "university", "Geneva Graduate Institute", NULL, "CH", "Geneva" },
  { "private_sector", "Nippon Koei", NULL, "JP", "Tokyo" },
  { "private_sector", "PADECO", NULL, "JP", "Tokyo" },
  { "private_sector", "Mitsubishi UFJ Research and Consulting", NULL, "JP", "Tokyo" },
  { "private_sector", "Deloitte Tohmatsu Consulting", NULL, "JP", "Tokyo" },
  { "private_sector", "Toyota Tsusho", NULL, "JP", "Nagoya" },
  { "private_sector", "Accenture", NULL, "IE", "Dublin" },
};

const CohortDemoCountry *
cohort_demo_data_get_countries (guint *n_countries)
{
  *n_countries = G_N_ELEMENTS (countries);
  return countries;
}

const CohortDemoCountry *
cohort_demo_data_get_japan (void)
{
  return &japan;
}

const CohortDemoAgency *
cohort_demo_data_get_agencies (guint *n_agencies)
{
  *n_agencies = G_N_ELEMENTS (agencies);
  return agencies;
}

const CohortDemoDutyStation *
cohort_demo_data_get_duty_stations (guint *n_stations)
{
  *n_stations = G_N_ELEMENTS (duty_stations);
  return duty_stations;
}

const CohortDemoOrganisation *
cohort_demo_data_get_organisations (guint *n_organisations)
{
  *n_organisations = G_N_ELEMENTS (organisations);
  return organisations;
}
